package com.minkshop.command.cart;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.minkshop.api.cart.AddToCartCommand;
import com.minkshop.api.cart.CartCheckedOutEvent;
import com.minkshop.api.cart.CartClearedEvent;
import com.minkshop.api.cart.CartCreatedEvent;
import com.minkshop.api.cart.CartLine;
import com.minkshop.api.cart.ChangeItemQuantityCommand;
import com.minkshop.api.cart.CheckoutCartCommand;
import com.minkshop.api.cart.ClearCartCommand;
import com.minkshop.api.cart.CreateCartCommand;
import com.minkshop.api.cart.ItemAddedToCartEvent;
import com.minkshop.api.cart.ItemQuantityChangedEvent;
import com.minkshop.api.cart.ItemRemovedFromCartEvent;
import com.minkshop.api.cart.RemoveFromCartCommand;
import com.minkshop.api.common.CommandResult;
import com.minkshop.api.common.Money;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

// Snapshots are this class's fields as JSON (hence field visibility). Raise the revision whenever a field is added,
// removed, renamed or changes meaning: snapshots of another revision are then ignored and the aggregate is rebuilt
// from its events, where an old snapshot would otherwise load with a missing or misread field.
@Aggregate(repository = "cartRepository")
@Revision("1")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
class Cart {

    @AggregateIdentifier
    private String cartId;
    // The same bounds as an order, so every checked-out cart can be placed and its totals never overflow.
    static final int MAX_LINES = 100;
    static final int MAX_LINE_QUANTITY = 1_000_000;

    // Insertion order is kept so the checkout event lists lines deterministically.
    private final Map<String, CartLine> lines = new LinkedHashMap<>();
    private boolean checkedOut;

    // ALWAYS: a creation reads nothing from the event store (no snapshot lookup, no event query). An id that is
    // already taken, by an aggregate of any type, fails on the store's unique key at commit and is answered as
    // CART_ALREADY_EXISTS by web.CommandResponses.created.
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    CommandResult handle(CreateCartCommand command, Clock clock) {
        apply(new CartCreatedEvent(command.cartId(), command.customerId(), clock.instant()));
        return result(Map.of());
    }

    @CommandHandler
    CommandResult handle(AddToCartCommand command, Clock clock) {
        requireOpen();
        CartLine existing = lines.get(command.productId());
        if (existing == null) {
            if (lines.size() >= MAX_LINES) {
                throw new CartLimitExceededException(cartId, "it already has " + MAX_LINES + " lines");
            }
            apply(new ItemAddedToCartEvent(cartId, command.productId(), command.productName(), command.quantity(),
                                           Money.of(command.unitPrice()), clock.instant()));
        } else {
            // The line keeps its original name and price; only the quantity grows (spec: delegates to change).
            long newQuantity = (long) existing.quantity() + command.quantity();
            if (newQuantity > MAX_LINE_QUANTITY) {
                throw new CartLimitExceededException(cartId,
                                                     "a line may hold at most " + MAX_LINE_QUANTITY + " units");
            }
            apply(new ItemQuantityChangedEvent(cartId, command.productId(), existing.quantity(), (int) newQuantity,
                                               clock.instant()));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("itemCount", itemCount());
        data.put("totalAmount", totalAmount());
        return result(data);
    }

    @CommandHandler
    CommandResult handle(ChangeItemQuantityCommand command, Clock clock) {
        requireOpen();
        CartLine line = requireLine(command.productId());
        if (command.quantity() == 0) {
            apply(new ItemRemovedFromCartEvent(cartId, command.productId(), clock.instant()));
        } else if (command.quantity() != line.quantity()) {
            apply(new ItemQuantityChangedEvent(cartId, command.productId(), line.quantity(), command.quantity(),
                                               clock.instant()));
        }
        return result(Map.of());
    }

    @CommandHandler
    CommandResult handle(RemoveFromCartCommand command, Clock clock) {
        requireOpen();
        requireLine(command.productId());
        apply(new ItemRemovedFromCartEvent(cartId, command.productId(), clock.instant()));
        return result(Map.of());
    }

    @CommandHandler
    CommandResult handle(ClearCartCommand command, Clock clock) {
        requireOpen();
        if (!lines.isEmpty()) {
            apply(new CartClearedEvent(cartId, command.reason(), clock.instant()));
        }
        return result(Map.of());
    }

    @CommandHandler
    CommandResult handle(CheckoutCartCommand command, Clock clock) {
        requireOpen();
        if (lines.isEmpty()) {
            throw new CartEmptyException(cartId);
        }
        apply(new CartCheckedOutEvent(cartId, command.orderId(), List.copyOf(lines.values()), totalAmount(),
                                      clock.instant()));
        return result(Map.of("orderId", command.orderId()));
    }

    @EventSourcingHandler
    void on(CartCreatedEvent event) {
        cartId = event.cartId();
    }

    @EventSourcingHandler
    void on(ItemAddedToCartEvent event) {
        lines.put(event.productId(),
                  new CartLine(event.productId(), event.productName(), event.quantity(), event.unitPrice()));
    }

    @EventSourcingHandler
    void on(ItemQuantityChangedEvent event) {
        lines.computeIfPresent(event.productId(),
                               (id, line) -> new CartLine(id, line.productName(), event.newQuantity(),
                                                          line.unitPrice()));
    }

    @EventSourcingHandler
    void on(ItemRemovedFromCartEvent event) {
        lines.remove(event.productId());
    }

    @EventSourcingHandler
    void on(CartClearedEvent event) {
        lines.clear();
    }

    @EventSourcingHandler
    void on(CartCheckedOutEvent event) {
        checkedOut = true;
    }

    private int itemCount() {
        return lines.values().stream().mapToInt(CartLine::quantity).sum();
    }

    private Money totalAmount() {
        return lines.values().stream().map(CartLine::subtotal).reduce(Money.ZERO, Money::plus);
    }

    private void requireOpen() {
        if (checkedOut) {
            throw new CartAlreadyCheckedOutException(cartId);
        }
    }

    private CartLine requireLine(String productId) {
        CartLine line = lines.get(productId);
        if (line == null) {
            throw new ItemNotInCartException(cartId, productId);
        }
        return line;
    }

    // getVersion() is the 0-based sequence number of the last event, so the stream holds one event more.
    private CommandResult result(Map<String, Object> data) {
        return new CommandResult(cartId, AggregateLifecycle.getVersion() + 1, data);
    }

    Cart() {
        // required by Axon
    }
}
