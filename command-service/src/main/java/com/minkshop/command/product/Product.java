package com.minkshop.command.product;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.minkshop.api.common.CommandResult;
import com.minkshop.api.common.Money;
import com.minkshop.api.product.AddStockCommand;
import com.minkshop.api.product.ChangePriceCommand;
import com.minkshop.api.product.CreateProductCommand;
import com.minkshop.api.product.DiscontinueProductCommand;
import com.minkshop.api.product.PriceChangedEvent;
import com.minkshop.api.product.ProductCreatedEvent;
import com.minkshop.api.product.ProductDiscontinuedEvent;
import com.minkshop.api.product.ReleaseStockCommand;
import com.minkshop.api.product.ReserveStockCommand;
import com.minkshop.api.product.ShipStockCommand;
import com.minkshop.api.product.StockAddedEvent;
import com.minkshop.api.product.StockReleasedEvent;
import com.minkshop.api.product.StockReservedEvent;
import com.minkshop.api.product.StockShippedEvent;
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
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

// Snapshots are this class's fields as JSON (hence field visibility). Raise the revision whenever a field is added,
// removed, renamed or changes meaning: snapshots of another revision are then ignored and the aggregate is rebuilt
// from its events, where an old snapshot would otherwise load with a missing or misread field.
@Aggregate(repository = "productRepository")
@Revision("1")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
class Product {

    // Units on hand (available plus reserved). Stock counts are ints here and in every view; without a bound, enough
    // restocking would wrap them negative. A billion units is far beyond any shelf and far below the int range.
    static final int MAX_STOCK_ON_HAND = 1_000_000_000;

    @AggregateIdentifier
    private String productId;
    private Money price;
    private int availableStock;
    // Quantity held per order id; a second reservation for the same order adds to the first.
    private final Map<String, Integer> reservations = new LinkedHashMap<>();
    private boolean discontinued;

    // ALWAYS: a creation reads nothing from the event store (no snapshot lookup, no event query). An id that is
    // already taken, by an aggregate of any type, fails on the store's unique key at commit and is answered as
    // PRODUCT_ALREADY_EXISTS by web.CommandResponses.created.
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    CommandResult handle(CreateProductCommand command, Clock clock) {
        apply(new ProductCreatedEvent(command.productId(), command.sku(), command.name(), command.description(),
                                      Money.of(command.price()), command.initialStock(), clock.instant()));
        return result();
    }

    @CommandHandler
    CommandResult handle(ChangePriceCommand command, Clock clock) {
        requireNotDiscontinued();
        Money newPrice = Money.of(command.newPrice());
        if (newPrice.compareTo(price) != 0) {
            apply(new PriceChangedEvent(productId, price, newPrice, command.reason(), clock.instant()));
        }
        return result();
    }

    @CommandHandler
    CommandResult handle(AddStockCommand command, Clock clock) {
        requireNotDiscontinued();
        long onHand = (long) availableStock + reservedStock();
        if (onHand + command.quantity() > MAX_STOCK_ON_HAND) {
            throw new StockLimitExceededException(productId, command.quantity(), onHand, MAX_STOCK_ON_HAND);
        }
        apply(new StockAddedEvent(productId, command.quantity(), command.reference(), clock.instant()));
        return result();
    }

    @CommandHandler
    CommandResult handle(ReserveStockCommand command, Clock clock) {
        requireNotDiscontinued();
        if (command.quantity() > availableStock) {
            throw new InsufficientStockException(productId, command.quantity(), availableStock);
        }
        apply(new StockReservedEvent(productId, command.quantity(), command.orderId(), clock.instant()));
        return result();
    }

    // Deliberately allowed on a discontinued product: stock held for open orders must still be returnable.
    @CommandHandler
    CommandResult handle(ReleaseStockCommand command, Clock clock) {
        int reserved = requireReservation(command.orderId());
        apply(new StockReleasedEvent(productId, reserved, command.orderId(), command.reason(), clock.instant()));
        return result();
    }

    @CommandHandler
    CommandResult handle(ShipStockCommand command, Clock clock) {
        int reserved = requireReservation(command.orderId());
        apply(new StockShippedEvent(productId, reserved, command.orderId(), clock.instant()));
        return result();
    }

    @CommandHandler
    CommandResult handle(DiscontinueProductCommand command, Clock clock) {
        if (!discontinued) {
            apply(new ProductDiscontinuedEvent(productId, command.reason(), clock.instant()));
        }
        return result();
    }

    @EventSourcingHandler
    void on(ProductCreatedEvent event) {
        productId = event.productId();
        price = event.price();
        availableStock = event.initialStock();
    }

    @EventSourcingHandler
    void on(PriceChangedEvent event) {
        price = event.newPrice();
    }

    @EventSourcingHandler
    void on(StockAddedEvent event) {
        availableStock += event.quantity();
    }

    @EventSourcingHandler
    void on(StockReservedEvent event) {
        availableStock -= event.quantity();
        reservations.merge(event.orderId(), event.quantity(), Integer::sum);
    }

    @EventSourcingHandler
    void on(StockReleasedEvent event) {
        availableStock += event.quantity();
        reduceReservation(event.orderId(), event.quantity());
    }

    @EventSourcingHandler
    void on(StockShippedEvent event) {
        reduceReservation(event.orderId(), event.quantity());
    }

    @EventSourcingHandler
    void on(ProductDiscontinuedEvent event) {
        discontinued = true;
    }

    // Replay trusts the event's quantity rather than the map, so the stored history alone defines the state.
    private void reduceReservation(String orderId, int quantity) {
        reservations.computeIfPresent(orderId, (id, held) -> held > quantity ? held - quantity : null);
    }

    private long reservedStock() {
        long reserved = 0;
        for (int quantity : reservations.values()) {
            reserved += quantity;
        }
        return reserved;
    }

    private void requireNotDiscontinued() {
        if (discontinued) {
            throw new ProductDiscontinuedException(productId);
        }
    }

    private int requireReservation(String orderId) {
        Integer reserved = reservations.get(orderId);
        if (reserved == null) {
            throw new ReservationNotFoundException(productId, orderId);
        }
        return reserved;
    }

    // getVersion() is the 0-based sequence number of the last event, so the stream holds one event more.
    private CommandResult result() {
        return new CommandResult(productId, AggregateLifecycle.getVersion() + 1, Map.of());
    }

    Product() {
        // required by Axon
    }
}
