package com.minkshop.api.common;

/**
 * Stable, machine-readable reasons why the shop refused a request; clients switch on these, never on messages.
 */
public enum ErrorCode {

    VALIDATION_FAILED(400, "Validation failed"),
    MALFORMED_REQUEST(400, "Malformed request"),
    INVALID_IDEMPOTENCY_KEY(400, "Invalid idempotency key"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),

    PRODUCT_NOT_FOUND(404, "Product not found"),
    CART_NOT_FOUND(404, "Cart not found"),
    ORDER_NOT_FOUND(404, "Order not found"),

    PRODUCT_ALREADY_EXISTS(409, "Product already exists"),
    CART_ALREADY_EXISTS(409, "Cart already exists"),
    ORDER_ALREADY_EXISTS(409, "Order already exists"),
    PRODUCT_DISCONTINUED(409, "Product is discontinued"),
    INSUFFICIENT_STOCK(409, "Insufficient stock"),
    STOCK_LIMIT_EXCEEDED(409, "Stock limit exceeded"),
    RESERVATION_NOT_FOUND(409, "Reservation not found"),
    CART_ALREADY_CHECKED_OUT(409, "Cart already checked out"),
    CART_EMPTY(409, "Cart is empty"),
    ITEM_NOT_IN_CART(409, "Item not in cart"),
    CART_LIMIT_EXCEEDED(409, "Cart limit exceeded"),
    ORDER_CANCELLED(409, "Order is cancelled"),
    ORDER_NOT_PENDING(409, "Order not pending"),
    ORDER_NOT_PAID(409, "Order not paid"),
    ORDER_NOT_CONFIRMED(409, "Order not confirmed"),
    ORDER_NOT_SHIPPED(409, "Order not shipped"),
    ORDER_ALREADY_SHIPPED(409, "Order already shipped"),
    INVALID_PAYMENT_AMOUNT(409, "Invalid payment amount"),
    CONCURRENT_MODIFICATION(409, "Concurrent modification"),
    IDEMPOTENCY_KEY_IN_PROGRESS(409, "Idempotency key in progress"),
    IDEMPOTENCY_KEY_REUSED(422, "Idempotency key reused"),

    INTERNAL_ERROR(500, "Internal error"),
    PROJECTION_LAGGING(503, "Projection lagging"),
    SERVICE_UNAVAILABLE(503, "Service unavailable");

    private final int httpStatus;
    private final String title;

    ErrorCode(int httpStatus, String title) {
        this.httpStatus = httpStatus;
        this.title = title;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String title() {
        return title;
    }

    /**
     * Whether the shop answered the request (a 4xx: retrying the same request gets the same answer) rather than
     * failed to answer it (a 5xx: the request may succeed when retried).
     */
    public boolean isRefusal() {
        return httpStatus < 500;
    }
}
