package com.minkshop.query.dashboard;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;

interface DashboardActivityRepository extends JpaRepository<DashboardActivity, Long> {

    List<DashboardActivity> findAllBy(Pageable pageable);

    @Modifying(flushAutomatically = true)
    @Query(value = "DELETE FROM dashboard_activity WHERE id NOT IN "
            + "(SELECT id FROM dashboard_activity ORDER BY occurred_at DESC, id DESC LIMIT :keep)",
           nativeQuery = true)
    void keepNewest(@Param("keep") int keep);
}
