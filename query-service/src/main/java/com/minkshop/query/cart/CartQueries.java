package com.minkshop.query.cart;

import com.minkshop.api.cart.CartSummary;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

@Service
@Transactional(readOnly = true)
class CartQueries {

    private final CartViewRepository carts;

    CartQueries(CartViewRepository carts) {
        this.carts = carts;
    }

    Optional<CartSummary> find(String cartId) {
        return carts.findById(cartId).map(CartView::toSummary);
    }
}
