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
// JSON only, so an unacceptable Accept header fails before the command runs, not after it succeeded
@RequestMapping(path = "/api/orders", produces = MediaType.APPLICATION_JSON_VALUE)
class OrderController {

    private final CommandGateway commandGateway;

    OrderController(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

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

    @PostMapping("/{id}/payment")
    CompletableFuture<ResponseEntity<CommandResult>> pay(@PathVariable String id,
                                                         @RequestBody PaymentRequest request) {
        return ok(commandGateway,
                  new ProcessPaymentCommand(id, request.paymentId(), request.amount(), request.paymentMethod()));
    }

    @PostMapping("/{id}/payment-failure")
    CompletableFuture<ResponseEntity<CommandResult>> recordPaymentFailure(@PathVariable String id,
                                                                          @RequestBody PaymentFailureRequest request) {
        return ok(commandGateway, new RecordPaymentFailureCommand(id, request.paymentId(), request.reason()));
    }

    @PostMapping("/{id}/shipment")
    CompletableFuture<ResponseEntity<CommandResult>> ship(@PathVariable String id,
                                                          @RequestBody ShipmentRequest request) {
        return ok(commandGateway, new ShipOrderCommand(id, request.trackingNumber(), request.carrier()));
    }

    @PostMapping("/{id}/delivery")
    CompletableFuture<ResponseEntity<CommandResult>> deliver(@PathVariable String id,
                                                             @RequestBody(required = false)
                                                             DeliveryRequest request) {
        return ok(commandGateway, new DeliverOrderCommand(id, request == null ? null : request.signedBy()));
    }

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
            return items.stream()
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
