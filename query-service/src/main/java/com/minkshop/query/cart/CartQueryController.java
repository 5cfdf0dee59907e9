package com.minkshop.query.cart;

import com.minkshop.api.cart.CartSummary;
import com.minkshop.api.common.ErrorCode;
import com.minkshop.api.common.ValidId;
import com.minkshop.query.consistency.ViewName;
import com.minkshop.query.consistency.ViewVersionTracker;
import com.minkshop.query.web.ResourceNotFoundException;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.concurrent.CompletableFuture;

@RestController
@RequestMapping(path = "/api/carts", produces = "application/json")
class CartQueryController {

    private final CartQueries queries;
    private final ViewVersionTracker versions;

    CartQueryController(CartQueries queries, ViewVersionTracker versions) {
        this.queries = queries;
        this.versions = versions;
    }

    @GetMapping("/{cartId}")
    CompletableFuture<CartSummary> find(
            @PathVariable @ValidId(name = "cart ID") String cartId,
            @RequestParam(required = false) @PositiveOrZero(message = "minVersion cannot be negative")
            Long minVersion) {
        if (minVersion == null) {
            return CompletableFuture.completedFuture(
                    queries.find(cartId).orElseThrow(() -> new ResourceNotFoundException(
                            ErrorCode.CART_NOT_FOUND, "Cart [" + cartId + "] not found")));
        }
        return versions.await(ViewName.CART, cartId, minVersion, () -> queries.find(cartId), CartSummary::version);
    }
}
