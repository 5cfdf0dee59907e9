package com.minkshop.query.cart;

import com.minkshop.api.cart.CartCheckedOutEvent;
import com.minkshop.api.cart.CartClearedEvent;
import com.minkshop.api.cart.CartCreatedEvent;
import com.minkshop.api.cart.ItemAddedToCartEvent;
import com.minkshop.api.cart.ItemQuantityChangedEvent;
import com.minkshop.api.cart.ItemRemovedFromCartEvent;
import com.minkshop.query.config.ProcessingGroups;
import com.minkshop.query.consistency.AfterCommit;
import com.minkshop.query.consistency.ViewName;
import com.minkshop.query.consistency.ViewVersionTracker;
import com.minkshop.query.persistence.PendingRows;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Keeps one row per cart with its lines in insertion order.
 */
@Component
@ProcessingGroup(ProcessingGroups.CART_VIEW)
class CartProjector {

    private final CartViewRepository carts;
    private final PendingRows<String, CartView> created;
    private final ViewVersionTracker versions;

    CartProjector(CartViewRepository carts, ViewVersionTracker versions) {
        this.carts = carts;
        // a batch's carts are read in one query; a cart's first items usually follow in the same batch, so a new
        // row is written once, with them
        this.created = new PendingRows<>(carts, "Cart", Function.identity());
        this.versions = versions;
    }

    @EventHandler
    void on(CartCreatedEvent event, @SequenceNumber long sequenceNumber) {
        // Looked up by id, not with existsById, whose query would flush each pending row of the batch on its own
        // instead of in one JDBC batch at commit. Kept during replays too: a replay may also start from views that
        // were not emptied (e.g. token rows deleted by hand), and then every event must be a harmless repeat.
        if (created.find(event.cartId()).isPresent()) {
            return;
        }
        CartView cart = CartView.created(event, sequenceNumber);
        created.add(cart);
        committed(cart);
    }

    @EventHandler
    void on(ItemAddedToCartEvent event, @SequenceNumber long sequenceNumber) {
        update(event.cartId(), sequenceNumber, cart -> {
            if (cart.line(event.productId()).isPresent()) {
                throw new IllegalStateException("Cart [" + event.cartId() + "] already has a line for product ["
                                                        + event.productId() + "]");
            }
            cart.addLine(new CartLineEmbeddable(event.productId(), event.productName(), event.quantity(),
                                                event.unitPrice()), event.addedAt(), sequenceNumber);
        });
    }

    @EventHandler
    void on(ItemQuantityChangedEvent event, @SequenceNumber long sequenceNumber) {
        update(event.cartId(), sequenceNumber,
               cart -> cart.changeQuantity(requireLine(cart, event.cartId(), event.productId()), event.newQuantity(),
                                           event.changedAt(), sequenceNumber));
    }

    @EventHandler
    void on(ItemRemovedFromCartEvent event, @SequenceNumber long sequenceNumber) {
        update(event.cartId(), sequenceNumber,
               cart -> cart.removeLine(requireLine(cart, event.cartId(), event.productId()), event.removedAt(),
                                       sequenceNumber));
    }

    @EventHandler
    void on(CartClearedEvent event, @SequenceNumber long sequenceNumber) {
        update(event.cartId(), sequenceNumber, cart -> cart.clear(event.clearedAt(), sequenceNumber));
    }

    @EventHandler
    void on(CartCheckedOutEvent event, @SequenceNumber long sequenceNumber) {
        update(event.cartId(), sequenceNumber,
               cart -> cart.checkOut(event.orderId(), event.totalAmount(), event.checkedOutAt(), sequenceNumber));
    }

    @ResetHandler
    void reset() {
        carts.deleteAllItems();
        carts.deleteAllInBatch();
    }

    private static CartLineEmbeddable requireLine(CartView cart, String cartId, String productId) {
        return cart.line(productId).orElseThrow(() -> new IllegalStateException(
                "Cart [" + cartId + "] has no line for product [" + productId + "]"));
    }

    private void update(String cartId, long sequenceNumber, Consumer<CartView> change) {
        CartView cart = created.find(cartId)
                               .orElseThrow(() -> new IllegalStateException("No cart view for [" + cartId + "]"));
        if (cart.hasApplied(sequenceNumber)) {
            return;
        }
        change.accept(cart);
        committed(cart);
    }

    private void committed(CartView cart) {
        String id = cart.cartId();
        long version = cart.version();
        AfterCommit.run(() -> versions.committed(ViewName.CART, id, version));
    }
}
