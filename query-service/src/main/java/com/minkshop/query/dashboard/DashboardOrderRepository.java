package com.minkshop.query.dashboard;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.math.BigDecimal;
import java.util.List;

interface DashboardOrderRepository extends JpaRepository<DashboardOrder, String> {

    @Query("select o.status, count(o) from DashboardOrder o group by o.status")
    List<Object[]> countByStatus();

    // a paid order that is later cancelled leaves the revenue
    @Query("select coalesce(sum(o.totalAmount), 0) from DashboardOrder o "
            + "where o.paid = true and o.status <> 'cancelled'")
    BigDecimal revenue();
}
