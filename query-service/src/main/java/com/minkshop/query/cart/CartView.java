package com.minkshop.query.cart;

import com.minkshop.api.cart.CartCreatedEvent;
import com.minkshop.api.cart.CartSummary;
import com.minkshop.api.common.Money;
import com.minkshop.query.persistence.ViewRow;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@Entity
@Table(name = "cart_view")
class CartView extends ViewRow<String> {

    static final String OPEN = "open";
    static final String CHECKED_OUT = "checked_out";

    @Id
    private String cartId;
    private String customerId;
    private String status;
    @ElementCollection
    @CollectionTable(name = "cart_view_item", joinColumns = @JoinColumn(name = "cart_id"))
    @OrderColumn(name = "line_index")
    private List<CartLineEmbeddable> items = new ArrayList<>();
    private BigDecimal totalAmount;
    private String orderId;
    private Instant createdAt;
    private Instant updatedAt;
    private long version;

    static CartView created(CartCreatedEvent event, long sequenceNumber) {
        CartView view = new CartView();
        view.markCreated();
        view.cartId = event.cartId();
        view.customerId = event.customerId();
        view.status = OPEN;
        view.totalAmount = BigDecimal.ZERO.setScale(Money.SCALE);
        view.createdAt = event.createdAt();
        view.applied(sequenceNumber, event.createdAt());
        return view;
    }

    boolean hasApplied(long sequenceNumber) {
        return sequenceNumber + 1 <= version;
    }

    Optional<CartLineEmbeddable> line(String productId) {
        return items.stream().filter(line -> line.productId().equals(productId)).findFirst();
    }

    void addLine(CartLineEmbeddable line, Instant at, long sequenceNumber) {
        items.add(line);
        changed(at, sequenceNumber);
    }

    void changeQuantity(CartLineEmbeddable line, int newQuantity, Instant at, long sequenceNumber) {
        line.changeQuantity(newQuantity);
        changed(at, sequenceNumber);
    }

    void removeLine(CartLineEmbeddable line, Instant at, long sequenceNumber) {
        items.remove(line);
        changed(at, sequenceNumber);
    }

    void clear(Instant at, long sequenceNumber) {
        items.clear();
        changed(at, sequenceNumber);
    }

    void checkOut(String checkoutOrderId, Money total, Instant at, long sequenceNumber) {
        status = CHECKED_OUT;
        orderId = checkoutOrderId;
        totalAmount = total.amount();
        applied(sequenceNumber, at);
    }

    private void changed(Instant at, long sequenceNumber) {
        totalAmount = items.stream().map(CartLineEmbeddable::subtotal).reduce(Money.ZERO, Money::plus).amount();
        applied(sequenceNumber, at);
    }

    private void applied(long sequenceNumber, Instant at) {
        version = sequenceNumber + 1;
        updatedAt = at;
    }

    String cartId() {
        return cartId;
    }

    long version() {
        return version;
    }

    CartSummary toSummary() {
        return new CartSummary(cartId, customerId, status,
                               items.stream().map(CartLineEmbeddable::toSummary).toList(),
                               items.stream().mapToInt(CartLineEmbeddable::quantity).sum(),
                               Money.of(totalAmount), orderId, createdAt, updatedAt, version);
    }

    CartView() {
        // required by JPA
    }

    @Override
    public String getId() {
        return cartId;
    }
}
