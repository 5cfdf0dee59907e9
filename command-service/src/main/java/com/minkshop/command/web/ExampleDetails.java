package com.minkshop.command.web;

import com.minkshop.api.common.ErrorCode;

/**
 * Example {@code detail} texts for the OpenAPI description, worded as the shop words them, with the demo's ids.
 */
final class ExampleDetails {

    private ExampleDetails() {
    }

    static String of(ErrorCode code) {
        return switch (code) {
            case VALIDATION_FAILED -> "1 field is invalid";
            case PRODUCT_NOT_FOUND -> "product PROD-001 not found";
            case CART_NOT_FOUND -> "cart CART-001 not found";
            case ORDER_NOT_FOUND -> "order ORDER-001 not found";
            case PRODUCT_ALREADY_EXISTS -> "product PROD-001 already exists";
            case CART_ALREADY_EXISTS -> "cart CART-001 already exists";
            case ORDER_ALREADY_EXISTS -> "order ORDER-001 already exists";
            case PRODUCT_DISCONTINUED -> "product PROD-001 is discontinued";
            case INSUFFICIENT_STOCK -> "insufficient stock for product PROD-001: requested 200, available 100";
            case STOCK_LIMIT_EXCEEDED -> "product PROD-001 cannot take 50 more units: it holds 999999980 "
                                         + "(available and reserved), at most 1000000000 are allowed";
            case RESERVATION_NOT_FOUND -> "reservation not found for order ORDER-001 on product PROD-001";
            case CART_ALREADY_CHECKED_OUT -> "cart CART-001 already checked out";
            case CART_EMPTY -> "cart CART-001 is empty";
            case ITEM_NOT_IN_CART -> "item PROD-001 not in cart CART-001";
            case CART_LIMIT_EXCEEDED -> "cart CART-001 cannot take more: it already has 100 lines";
            case ORDER_CANCELLED -> "order ORDER-001 is cancelled";
            case ORDER_NOT_PENDING -> "order ORDER-001 not pending (status: confirmed)";
            case ORDER_NOT_PAID -> "order ORDER-001 not paid (status: pending)";
            case ORDER_NOT_CONFIRMED -> "order ORDER-001 not confirmed (status: pending)";
            case ORDER_NOT_SHIPPED -> "order ORDER-001 not shipped (status: confirmed)";
            case ORDER_ALREADY_SHIPPED -> "order ORDER-001 already shipped";
            case INVALID_PAYMENT_AMOUNT -> "invalid payment amount for order ORDER-001: paid 70.76, due 70.77";
            case CONCURRENT_MODIFICATION -> "The resource was modified concurrently; please retry.";
            case INVALID_IDEMPOTENCY_KEY ->
                    "Idempotency-Key must be 1 to 255 visible ASCII characters.";
            case IDEMPOTENCY_KEY_IN_PROGRESS ->
                    "A request with this Idempotency-Key is still in progress; retry it later to get its outcome.";
            case IDEMPOTENCY_KEY_REUSED -> "This Idempotency-Key was already used for a different request.";
            case INTERNAL_ERROR -> Problems.INTERNAL_ERROR_DETAIL;
            default -> Problems.defaultDetail(code);
        };
    }
}
