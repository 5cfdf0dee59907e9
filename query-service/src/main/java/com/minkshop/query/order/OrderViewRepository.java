package com.minkshop.query.order;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface OrderViewRepository extends JpaRepository<OrderView, String>, JpaSpecificationExecutor<OrderView> {

    // bulk deletes bypass the element collection, so its rows go first
    @Modifying
    @Query(value = "DELETE FROM order_view_item", nativeQuery = true)
    void deleteAllItems();
}
