package com.minkshop.query.dashboard;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DashboardProductRepository extends JpaRepository<DashboardProduct, String> {

    @Query("select count(p) from DashboardProduct p where p.discontinued = false and p.availableStock < :threshold")
    long countLowStock(@Param("threshold") int threshold);
}
