package com.minkshop.query.cart;

import com.minkshop.api.cart.CartSummary;
import com.minkshop.api.common.ErrorCode;
import com.minkshop.api.common.ValidId;
import com.minkshop.query.consistency.ViewName;
import com.minkshop.query.consistency.ViewVersionTracker;
import com.minkshop.query.web.ApiErrors;
import com.minkshop.query.web.ApiExample;
import com.minkshop.query.web.ResourceNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.concurrent.CompletableFuture;

@RestController
@Tag(name = "Carts", description = "Shopping carts")
@RequestMapping(path = "/api/carts", produces = "application/json")
class CartQueryController {

    private final CartQueries queries;
    private final ViewVersionTracker versions;

    CartQueryController(CartQueries queries, ViewVersionTracker versions) {
        this.queries = queries;
        this.versions = versions;
    }

    @Operation(summary = "Get a cart",
               description = "Lines in insertion order; status open or checked_out. With minVersion, waits up to 3 s "
                           + "for the view to reach that version, else 503 PROJECTION_LAGGING; without it an unknown "
                           + "id is 404 at once.")
    @ApiErrors({ErrorCode.CART_NOT_FOUND, ErrorCode.PROJECTION_LAGGING})
    @ApiExample("""
            {"cartId": "CART-001", "customerId": "CUST-001", "status": "checked_out",
             "items": [{"productId": "PROD-001", "productName": "Super Widget", "quantity": 2, "unitPrice": 29.99,
                        "subtotal": 59.98}],
             "itemCount": 2, "totalAmount": 59.98, "orderId": "ORDER-001", "createdAt": "2026-01-04T10:00:01Z",
             "updatedAt": "2026-01-04T10:00:02Z", "version": 3}""")
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
