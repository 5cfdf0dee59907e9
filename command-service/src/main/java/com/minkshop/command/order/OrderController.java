package com.minkshop.command.order;

import com.minkshop.api.common.CommandResult;
import com.minkshop.api.common.ErrorCode;
import com.minkshop.api.order.CancelOrderCommand;
import com.minkshop.api.order.DeliverOrderCommand;
import com.minkshop.api.order.OrderItem;
import com.minkshop.api.order.PlaceOrderCommand;
import com.minkshop.api.order.ProcessPaymentCommand;
import com.minkshop.api.order.RecordPaymentFailureCommand;
import com.minkshop.api.order.ShipOrderCommand;
import com.minkshop.api.order.ShippingAddress;
import com.minkshop.command.web.ApiErrors;
import com.minkshop.command.web.ApiExample;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static com.minkshop.command.web.CommandResponses.created;
import static com.minkshop.command.web.CommandResponses.idOrNew;
import static com.minkshop.command.web.CommandResponses.ok;

@RestController
@Tag(name = "Orders", description = "Orders: place, pay, ship, deliver, cancel")
// JSON only, so an unacceptable Accept header fails before the command runs, not after it succeeded
@RequestMapping(path = "/api/orders", produces = MediaType.APPLICATION_JSON_VALUE)
class OrderController {

    private final CommandGateway commandGateway;

    OrderController(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    @Operation(summary = "Place an order",
               description = "The server computes subtotal, tax (subtotal x taxRate, rounded to cents) and total; an "
                           + "item subtotal that is sent must equal quantity x unitPrice. The order fulfilment saga "
                           + "then reserves the stock.")
    @ApiErrors({ErrorCode.ORDER_ALREADY_EXISTS})
    @ApiExample(status = 201, request = """
            {"orderId": "ORDER-001", "customerId": "CUST-001", "cartId": "CART-001",
             "items": [{"productId": "PROD-001", "productName": "Super Widget", "quantity": 2, "unitPrice": 29.99}],
             "shippingAddress": {"name": "John Doe", "street": "123 Main St", "city": "New York", "state": "NY",
                                 "postalCode": "10001", "country": "USA"},
             "shippingCost": 5.99, "taxRate": 0.08}""", response = """
            {"aggregateId": "ORDER-001", "version": 1,
             "data": {"status": "pending", "subtotal": 59.98, "tax": 4.80, "shippingCost": 5.99,
                      "totalAmount": 70.77}}""")
    @PostMapping
    CompletableFuture<ResponseEntity<CommandResult>> place(@RequestBody PlaceOrderRequest request) {
        String orderId = idOrNew(request.orderId());
        return created(commandGateway,
                       new PlaceOrderCommand(orderId, request.customerId(), request.cartId(),
                                             ItemRequest.toOrderItems(request.items()),
                                             AddressRequest.toAddress(request.shippingAddress()),
                                             request.shippingCost(), request.taxRate()),
                       "/api/orders/{id}", orderId,
                       ErrorCode.ORDER_ALREADY_EXISTS);
    }

    @Operation(summary = "Pay for an order",
               description = "Only a pending order; the amount must cover the total (70.76 for a 70.77 order is "
                           + "rejected). Records the payment and confirms the order.")
    @ApiErrors({ErrorCode.ORDER_NOT_FOUND, ErrorCode.ORDER_CANCELLED, ErrorCode.ORDER_NOT_PENDING,
                ErrorCode.INVALID_PAYMENT_AMOUNT})
    @ApiExample(request = """
            {"paymentId": "PAY-001", "amount": 70.77, "paymentMethod": "credit_card"}""", response = """
            {"aggregateId": "ORDER-001", "version": 3, "data": {"status": "confirmed"}}""")
    @PostMapping("/{id}/payment")
    CompletableFuture<ResponseEntity<CommandResult>> pay(@PathVariable String id,
                                                         @RequestBody PaymentRequest request) {
        return ok(commandGateway,
                  new ProcessPaymentCommand(id, request.paymentId(), request.amount(), request.paymentMethod()));
    }

    @Operation(summary = "Record a failed payment",
               description = "Only a pending order.")
    @ApiErrors({ErrorCode.ORDER_NOT_FOUND, ErrorCode.ORDER_CANCELLED, ErrorCode.ORDER_NOT_PENDING})
    @ApiExample(request = """
            {"paymentId": "PAY-001", "reason": "card declined"}""", response = """
            {"aggregateId": "ORDER-001", "version": 2, "data": {}}""")
    @PostMapping("/{id}/payment-failure")
    CompletableFuture<ResponseEntity<CommandResult>> recordPaymentFailure(@PathVariable String id,
                                                                          @RequestBody PaymentFailureRequest request) {
        return ok(commandGateway, new RecordPaymentFailureCommand(id, request.paymentId(), request.reason()));
    }

    @Operation(summary = "Ship an order",
               description = "Only a confirmed (paid) order.")
    @ApiErrors({ErrorCode.ORDER_NOT_FOUND, ErrorCode.ORDER_CANCELLED, ErrorCode.ORDER_ALREADY_SHIPPED,
                ErrorCode.ORDER_NOT_CONFIRMED})
    @ApiExample(request = """
            {"trackingNumber": "1Z999AA10123456784", "carrier": "UPS"}""", response = """
            {"aggregateId": "ORDER-001", "version": 4,
             "data": {"trackingNumber": "1Z999AA10123456784", "carrier": "UPS"}}""")
    @PostMapping("/{id}/shipment")
    CompletableFuture<ResponseEntity<CommandResult>> ship(@PathVariable String id,
                                                          @RequestBody ShipmentRequest request) {
        return ok(commandGateway, new ShipOrderCommand(id, request.trackingNumber(), request.carrier()));
    }

    @Operation(summary = "Confirm delivery",
               description = "Only a shipped order; the body is optional.")
    @ApiErrors({ErrorCode.ORDER_NOT_FOUND, ErrorCode.ORDER_CANCELLED, ErrorCode.ORDER_NOT_SHIPPED})
    @ApiExample(request = """
            {"signedBy": "John Doe"}""", response = """
            {"aggregateId": "ORDER-001", "version": 5, "data": {}}""")
    @PostMapping("/{id}/delivery")
    CompletableFuture<ResponseEntity<CommandResult>> deliver(@PathVariable String id,
                                                             @RequestBody(required = false)
                                                             DeliveryRequest request) {
        return ok(commandGateway, new DeliverOrderCommand(id, request == null ? null : request.signedBy()));
    }

    @Operation(summary = "Cancel an order",
               description = "Cancelling a cancelled order is accepted and changes nothing; a shipped or delivered "
                           + "order cannot be cancelled.")
    @ApiErrors({ErrorCode.ORDER_NOT_FOUND, ErrorCode.ORDER_ALREADY_SHIPPED})
    @ApiExample(request = """
            {"reason": "customer request", "cancelledBy": "CUST-001"}""", response = """
            {"aggregateId": "ORDER-001", "version": 2, "data": {}}""")
    @PostMapping("/{id}/cancellation")
    CompletableFuture<ResponseEntity<CommandResult>> cancel(@PathVariable String id,
                                                            @RequestBody CancellationRequest request) {
        return ok(commandGateway, new CancelOrderCommand(id, request.reason(), request.cancelledBy()));
    }

    record PlaceOrderRequest(String orderId,
                             String customerId,
                             String cartId,
                             List<ItemRequest> items,
                             AddressRequest shippingAddress,
                             BigDecimal shippingCost,
                             BigDecimal taxRate) {
    }

    /** {@code subtotal} is optional; when sent it must equal quantity times unit price. */
    record ItemRequest(String productId, String productName, int quantity, BigDecimal unitPrice,
                       BigDecimal subtotal) {

        private static final ItemRequest EMPTY = new ItemRequest(null, null, 0, null, null);

        /** A null entry becomes an empty item, so validation reports its fields instead of it slipping through. */
        static List<OrderItem> toOrderItems(List<ItemRequest> items) {
            if (items == null) {
                return null;
            }
            // one past the limit still fails @Size and bounds the per-item errors: 60,000 empty items in a body
            // under the size limit were 180,000 constraint violations and a 13 MB answer
            return items.stream()
                        .limit(PlaceOrderCommand.MAX_ITEMS + 1L)
                        .map(item -> item == null ? EMPTY : item)
                        .map(item -> new OrderItem(item.productId(), item.productName(), item.quantity(),
                                                   item.unitPrice(), item.subtotal()))
                        .toList();
        }
    }

    record AddressRequest(String name, String street, String city, String state, String postalCode,
                          String country) {

        static ShippingAddress toAddress(AddressRequest address) {
            return address == null ? null : new ShippingAddress(address.name(), address.street(), address.city(),
                                                                address.state(), address.postalCode(),
                                                                address.country());
        }
    }

    record PaymentRequest(String paymentId, BigDecimal amount, String paymentMethod) {
    }

    record PaymentFailureRequest(String paymentId, String reason) {
    }

    record ShipmentRequest(String trackingNumber, String carrier) {
    }

    record DeliveryRequest(String signedBy) {
    }

    record CancellationRequest(String reason, String cancelledBy) {
    }
}
