package com.minkshop.query.cart;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface CartViewRepository extends JpaRepository<CartView, String> {

    // bulk deletes bypass the element collection, so its rows go first
    @Modifying
    @Query(value = "DELETE FROM cart_view_item", nativeQuery = true)
    void deleteAllItems();
}
