package com.minkshop.command.cart;

import com.minkshop.api.cart.AddToCartCommand;
import com.minkshop.api.cart.ChangeItemQuantityCommand;
import com.minkshop.api.cart.CheckoutCartCommand;
import com.minkshop.api.cart.ClearCartCommand;
import com.minkshop.api.cart.CreateCartCommand;
import com.minkshop.api.cart.RemoveFromCartCommand;
import com.minkshop.api.common.CommandResult;
import com.minkshop.api.common.ErrorCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.concurrent.CompletableFuture;

import static com.minkshop.command.web.CommandResponses.created;
import static com.minkshop.command.web.CommandResponses.idOrNew;
import static com.minkshop.command.web.CommandResponses.ok;

@RestController
// JSON only, so an unacceptable Accept header fails before the command runs, not after it succeeded
@RequestMapping(path = "/api/carts", produces = MediaType.APPLICATION_JSON_VALUE)
class CartController {

    private final CommandGateway commandGateway;

    CartController(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    @PostMapping
    CompletableFuture<ResponseEntity<CommandResult>> create(@RequestBody CreateCartRequest request) {
        String cartId = idOrNew(request.cartId());
        return created(commandGateway, new CreateCartCommand(cartId, request.customerId()), "/api/carts/{id}",
                       cartId,
                       ErrorCode.CART_ALREADY_EXISTS);
    }

    @PostMapping("/{id}/items")
    CompletableFuture<ResponseEntity<CommandResult>> addItem(@PathVariable String id,
                                                             @RequestBody AddItemRequest request) {
        return ok(commandGateway, new AddToCartCommand(id, request.productId(), request.productName(),
                                                       request.quantity(), request.unitPrice()));
    }

    @PutMapping("/{id}/items/{productId}")
    CompletableFuture<ResponseEntity<CommandResult>> changeQuantity(@PathVariable String id,
                                                                    @PathVariable String productId,
                                                                    @Valid @RequestBody ChangeQuantityRequest request) {
        return ok(commandGateway, new ChangeItemQuantityCommand(id, productId, request.quantity()));
    }

    @DeleteMapping("/{id}/items/{productId}")
    CompletableFuture<ResponseEntity<CommandResult>> removeItem(@PathVariable String id,
                                                                @PathVariable String productId) {
        return ok(commandGateway, new RemoveFromCartCommand(id, productId));
    }

    @PostMapping("/{id}/clear")
    CompletableFuture<ResponseEntity<CommandResult>> clear(@PathVariable String id,
                                                           @RequestBody(required = false) ClearRequest request) {
        return ok(commandGateway, new ClearCartCommand(id, request == null ? null : request.reason()));
    }

    @PostMapping("/{id}/checkout")
    CompletableFuture<ResponseEntity<CommandResult>> checkout(@PathVariable String id,
                                                              @RequestBody(required = false)
                                                              CheckoutRequest request) {
        String orderId = idOrNew(request == null ? null : request.orderId());
        return ok(commandGateway, new CheckoutCartCommand(id, orderId));
    }

    record CreateCartRequest(String cartId, String customerId) {
    }

    record AddItemRequest(String productId, String productName, int quantity, BigDecimal unitPrice) {
    }

    /** The quantity must be sent: a missing one would otherwise read as 0, which removes the line. */
    record ChangeQuantityRequest(@NotNull(message = "quantity is required") Integer quantity) {
    }

    record ClearRequest(String reason) {
    }

    /** The order id may be omitted; checkout then names the new order. */
    record CheckoutRequest(String orderId) {
    }
}
