package com.minkshop.query.order;

import com.minkshop.api.common.ErrorCode;
import com.minkshop.api.common.PageResult;
import com.minkshop.api.common.ValidId;
import com.minkshop.api.order.OrderSummary;
import com.minkshop.query.consistency.ViewName;
import com.minkshop.query.consistency.ViewVersionTracker;
import com.minkshop.query.order.OrderQueries.OrderFilter;
import com.minkshop.query.web.ApiErrors;
import com.minkshop.query.web.ApiExample;
import com.minkshop.query.web.Paging;
import com.minkshop.query.web.ResourceNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.concurrent.CompletableFuture;

@RestController
@Tag(name = "Orders", description = "Orders and customer order history")
class OrderQueryController {

    /** The tutorial demo's order after Part 3, as this service shows it. */
    private static final String ORDER_EXAMPLE = """
            {"orderId": "ORDER-001", "customerId": "CUST-001", "cartId": "CART-001", "status": "shipped",
             "items": [{"productId": "PROD-001", "productName": "Super Widget", "quantity": 2, "unitPrice": 29.99,
                        "subtotal": 59.98}],
             "itemCount": 2, "subtotal": 59.98, "shippingCost": 5.99, "tax": 4.80, "totalAmount": 70.77,
             "shippingAddress": {"name": "John Doe", "street": "123 Main St", "city": "New York", "state": "NY",
                                 "postalCode": "10001", "country": "USA"},
             "paymentId": "PAY-001", "paymentMethod": "credit_card", "trackingNumber": "1Z999AA10123456784",
             "carrier": "UPS", "cancellationReason": null, "placedAt": "2026-01-04T10:00:03Z",
             "paidAt": "2026-01-04T10:00:04Z", "confirmedAt": "2026-01-04T10:00:04Z",
             "shippedAt": "2026-01-04T10:00:05Z", "deliveredAt": null, "cancelledAt": null,
             "updatedAt": "2026-01-04T10:00:05Z", "version": 4}""";

    private static final String ID_PATTERN = "[A-Za-z0-9._:-]{1,64}";
    private static final String STATUS_PATTERN = "pending|paid|confirmed|shipped|delivered|cancelled";

    private final OrderQueries queries;
    private final ViewVersionTracker versions;

    OrderQueryController(OrderQueries queries, ViewVersionTracker versions) {
        this.queries = queries;
        this.versions = versions;
    }

    @Operation(summary = "List orders",
               description = "Newest first, filtered by customer, status and minimum total.")
    @ApiExample(value = ORDER_EXAMPLE, page = true)
    @GetMapping(path = "/api/orders", produces = "application/json")
    PageResult<OrderSummary> list(
            @RequestParam(required = false)
            @Pattern(regexp = ID_PATTERN,
                     message = "customer ID must be 1-64 characters of letters, digits, '.', '_', ':' or '-'")
            String customerId,
            @RequestParam(required = false)
            @Pattern(regexp = STATUS_PATTERN,
                     message = "status must be one of pending, paid, confirmed, shipped, delivered, cancelled")
            String status,
            @RequestParam(required = false) @DecimalMin(value = "0", message = "minTotal cannot be negative")
            // the totals' column is NUMERIC(38, 2); PostgreSQL refuses to compare it with 1E-20000 or 1E+200000
            @Digits(integer = 36, fraction = 2, message = "minTotal must have at most 36 digits before and 2 after "
                                                          + "the decimal point")
            BigDecimal minTotal,
            @RequestParam(defaultValue = "0") @PositiveOrZero(message = "page cannot be negative")
            @Max(value = Paging.MAX_PAGE, message = "page must be at most 100000") int page,
            @RequestParam(defaultValue = Paging.DEFAULT_SIZE) @Min(value = 1, message = "size must be at least 1")
            @Max(value = Paging.MAX_SIZE, message = "size must be at most 100") int size) {
        return queries.list(new OrderFilter(customerId, status, minTotal), page, size);
    }

    @Operation(summary = "A customer's order history",
               description = "Newest first; an unknown customer has an empty history.")
    @ApiExample(value = ORDER_EXAMPLE, page = true)
    @GetMapping(path = "/api/customers/{customerId}/orders", produces = "application/json")
    PageResult<OrderSummary> customerHistory(
            @PathVariable @ValidId(name = "customer ID") String customerId,
            @RequestParam(defaultValue = "0") @PositiveOrZero(message = "page cannot be negative")
            @Max(value = Paging.MAX_PAGE, message = "page must be at most 100000") int page,
            @RequestParam(defaultValue = Paging.DEFAULT_SIZE) @Min(value = 1, message = "size must be at least 1")
            @Max(value = Paging.MAX_SIZE, message = "size must be at most 100") int size) {
        return queries.list(new OrderFilter(customerId, null, null), page, size);
    }

    @Operation(summary = "Get an order",
               description = "With minVersion, waits up to 3 s for the view to reach that version, else 503 "
                           + "PROJECTION_LAGGING; without it an unknown id is 404 at once.")
    @ApiErrors({ErrorCode.ORDER_NOT_FOUND, ErrorCode.PROJECTION_LAGGING})
    @ApiExample(ORDER_EXAMPLE)
    @GetMapping(path = "/api/orders/{orderId}", produces = "application/json")
    CompletableFuture<OrderSummary> find(
            @PathVariable @ValidId(name = "order ID") String orderId,
            @RequestParam(required = false) @PositiveOrZero(message = "minVersion cannot be negative")
            Long minVersion) {
        if (minVersion == null) {
            return CompletableFuture.completedFuture(
                    queries.find(orderId).orElseThrow(() -> new ResourceNotFoundException(
                            ErrorCode.ORDER_NOT_FOUND, "Order [" + orderId + "] not found")));
        }
        return versions.await(ViewName.ORDER, orderId, minVersion, () -> queries.find(orderId),
                              OrderSummary::version);
    }
}
