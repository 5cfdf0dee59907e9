package com.minkshop.command.cart;

import com.minkshop.api.cart.AddToCartCommand;
import com.minkshop.api.cart.ChangeItemQuantityCommand;
import com.minkshop.api.cart.CheckoutCartCommand;
import com.minkshop.api.cart.ClearCartCommand;
import com.minkshop.api.cart.CreateCartCommand;
import com.minkshop.api.cart.RemoveFromCartCommand;
import com.minkshop.api.common.CommandResult;
import com.minkshop.api.common.ErrorCode;
import com.minkshop.command.web.ApiErrors;
import com.minkshop.command.web.ApiExample;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Carts", description = "Shopping carts: add, change and remove lines, clear, check out")
// JSON only, so an unacceptable Accept header fails before the command runs, not after it succeeded
@RequestMapping(path = "/api/carts", produces = MediaType.APPLICATION_JSON_VALUE)
class CartController {

    private final CommandGateway commandGateway;

    CartController(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    @Operation(summary = "Create a cart",
               description = "cartId is generated (UUID) when omitted.")
    @ApiErrors({ErrorCode.CART_ALREADY_EXISTS})
    @ApiExample(status = 201, request = """
            {"cartId": "CART-001", "customerId": "CUST-001"}""", response = """
            {"aggregateId": "CART-001", "version": 1, "data": {}}""")
    @PostMapping
    CompletableFuture<ResponseEntity<CommandResult>> create(@RequestBody CreateCartRequest request) {
        String cartId = idOrNew(request.cartId());
        return created(commandGateway, new CreateCartCommand(cartId, request.customerId()), "/api/carts/{id}",
                       cartId,
                       ErrorCode.CART_ALREADY_EXISTS);
    }

    @Operation(summary = "Add an item",
               description = "Adding a product the cart already holds raises its quantity; name and price stay those "
                           + "of the first add.")
    @ApiErrors({ErrorCode.CART_NOT_FOUND, ErrorCode.CART_ALREADY_CHECKED_OUT, ErrorCode.CART_LIMIT_EXCEEDED})
    @ApiExample(request = """
            {"productId": "PROD-001", "productName": "Super Widget", "quantity": 2, "unitPrice": 29.99}""",
            response = """
            {"aggregateId": "CART-001", "version": 2, "data": {"itemCount": 2, "totalAmount": 59.98}}""")
    @PostMapping("/{id}/items")
    CompletableFuture<ResponseEntity<CommandResult>> addItem(@PathVariable String id,
                                                             @RequestBody AddItemRequest request) {
        return ok(commandGateway, new AddToCartCommand(id, request.productId(), request.productName(),
                                                       request.quantity(), request.unitPrice()));
    }

    @Operation(summary = "Change a line's quantity",
               description = "quantity 0 removes the line.")
    @ApiErrors({ErrorCode.CART_NOT_FOUND, ErrorCode.CART_ALREADY_CHECKED_OUT, ErrorCode.ITEM_NOT_IN_CART,
                ErrorCode.CART_LIMIT_EXCEEDED})
    @ApiExample(request = """
            {"quantity": 3}""", response = """
            {"aggregateId": "CART-001", "version": 3, "data": {}}""")
    @PutMapping("/{id}/items/{productId}")
    CompletableFuture<ResponseEntity<CommandResult>> changeQuantity(@PathVariable String id,
                                                                    @PathVariable String productId,
                                                                    @Valid @RequestBody ChangeQuantityRequest request) {
        return ok(commandGateway, new ChangeItemQuantityCommand(id, productId, request.quantity()));
    }

    @Operation(summary = "Remove a line")
    @ApiErrors({ErrorCode.CART_NOT_FOUND, ErrorCode.CART_ALREADY_CHECKED_OUT, ErrorCode.ITEM_NOT_IN_CART})
    @ApiExample(response = """
            {"aggregateId": "CART-001", "version": 3, "data": {}}""")
    @DeleteMapping("/{id}/items/{productId}")
    CompletableFuture<ResponseEntity<CommandResult>> removeItem(@PathVariable String id,
                                                                @PathVariable String productId) {
        return ok(commandGateway, new RemoveFromCartCommand(id, productId));
    }

    @Operation(summary = "Clear the cart",
               description = "The body is optional.")
    @ApiErrors({ErrorCode.CART_NOT_FOUND, ErrorCode.CART_ALREADY_CHECKED_OUT})
    @ApiExample(request = """
            {"reason": "user_action"}""", response = """
            {"aggregateId": "CART-001", "version": 3, "data": {}}""")
    @PostMapping("/{id}/clear")
    CompletableFuture<ResponseEntity<CommandResult>> clear(@PathVariable String id,
                                                           @RequestBody(required = false) ClearRequest request) {
        return ok(commandGateway, new ClearCartCommand(id, request == null ? null : request.reason()));
    }

    @Operation(summary = "Check out the cart",
               description = "Freezes the cart for the given order id (generated when omitted); place the order with "
                           + "POST /api/orders.")
    @ApiErrors({ErrorCode.CART_NOT_FOUND, ErrorCode.CART_ALREADY_CHECKED_OUT, ErrorCode.CART_EMPTY})
    @ApiExample(request = """
            {"orderId": "ORDER-001"}""", response = """
            {"aggregateId": "CART-001", "version": 3, "data": {"orderId": "ORDER-001"}}""")
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
