package com.minkshop.query.product;

import com.minkshop.api.product.PriceChangedEvent;
import com.minkshop.api.product.ProductCreatedEvent;
import com.minkshop.api.product.ProductDiscontinuedEvent;
import com.minkshop.api.product.StockAddedEvent;
import com.minkshop.api.product.StockReleasedEvent;
import com.minkshop.api.product.StockReservedEvent;
import com.minkshop.api.product.StockShippedEvent;
import com.minkshop.query.config.ProcessingGroups;
import com.minkshop.query.consistency.AfterCommit;
import com.minkshop.query.consistency.ViewName;
import com.minkshop.query.consistency.ViewVersionTracker;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

import java.util.function.Consumer;

/**
 * Keeps the catalog view: one row per product with price and stock. Every product event moves the row's version, so
 * {@code minVersion} waits work for any product command.
 */
@Component
@ProcessingGroup(ProcessingGroups.PRODUCT_VIEW)
class ProductProjector {

    private final ProductViewRepository products;
    private final ViewVersionTracker versions;

    ProductProjector(ProductViewRepository products, ViewVersionTracker versions) {
        this.products = products;
        this.versions = versions;
    }

    @EventHandler
    void on(ProductCreatedEvent event, @SequenceNumber long sequenceNumber) {
        if (products.findById(event.productId()).isPresent()) {
            // a replayed creation; the row already reflects it
            return;
        }
        ProductView view = products.save(ProductView.created(event, sequenceNumber));
        committed(view);
    }

    @EventHandler
    void on(PriceChangedEvent event, @SequenceNumber long sequenceNumber) {
        update(event.productId(), sequenceNumber,
               view -> view.changePrice(event.newPrice(), event.changedAt(), sequenceNumber));
    }

    @EventHandler
    void on(StockAddedEvent event, @SequenceNumber long sequenceNumber) {
        update(event.productId(), sequenceNumber,
               view -> view.addStock(event.quantity(), event.addedAt(), sequenceNumber));
    }

    @EventHandler
    void on(StockReservedEvent event, @SequenceNumber long sequenceNumber) {
        update(event.productId(), sequenceNumber,
               view -> view.reserve(event.quantity(), event.reservedAt(), sequenceNumber));
    }

    @EventHandler
    void on(StockReleasedEvent event, @SequenceNumber long sequenceNumber) {
        update(event.productId(), sequenceNumber,
               view -> view.release(event.quantity(), event.releasedAt(), sequenceNumber));
    }

    @EventHandler
    void on(StockShippedEvent event, @SequenceNumber long sequenceNumber) {
        update(event.productId(), sequenceNumber,
               view -> view.ship(event.quantity(), event.shippedAt(), sequenceNumber));
    }

    @EventHandler
    void on(ProductDiscontinuedEvent event, @SequenceNumber long sequenceNumber) {
        update(event.productId(), sequenceNumber, view -> view.discontinue(event.discontinuedAt(), sequenceNumber));
    }

    @ResetHandler
    void reset() {
        products.deleteAllInBatch();
    }

    private void update(String productId, long sequenceNumber, Consumer<ProductView> change) {
        // a missing row throws, so the event is retried from the dead-letter queue instead of being lost
        ProductView view = products.findById(productId)
                                   .orElseThrow(() -> new IllegalStateException(
                                           "No product view for [" + productId + "]"));
        if (view.hasApplied(sequenceNumber)) {
            return;
        }
        change.accept(view);
        committed(view);
    }

    private void committed(ProductView view) {
        String id = view.productId();
        long version = view.version();
        AfterCommit.run(() -> versions.committed(ViewName.PRODUCT, id, version));
    }
}
