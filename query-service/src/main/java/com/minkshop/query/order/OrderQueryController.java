package com.minkshop.query.order;

import com.minkshop.api.common.ErrorCode;
import com.minkshop.api.common.PageResult;
import com.minkshop.api.common.ValidId;
import com.minkshop.api.order.OrderSummary;
import com.minkshop.query.consistency.ViewName;
import com.minkshop.query.consistency.ViewVersionTracker;
import com.minkshop.query.order.OrderQueries.OrderFilter;
import com.minkshop.query.web.Paging;
import com.minkshop.query.web.ResourceNotFoundException;
import jakarta.validation.constraints.DecimalMin;
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
class OrderQueryController {

    private static final String ID_PATTERN = "[A-Za-z0-9._:-]{1,64}";
    private static final String STATUS_PATTERN = "pending|paid|confirmed|shipped|delivered|cancelled";

    private final OrderQueries queries;
    private final ViewVersionTracker versions;

    OrderQueryController(OrderQueries queries, ViewVersionTracker versions) {
        this.queries = queries;
        this.versions = versions;
    }

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
            BigDecimal minTotal,
            @RequestParam(defaultValue = "0") @PositiveOrZero(message = "page cannot be negative")
            @Max(value = Paging.MAX_PAGE, message = "page must be at most 100000") int page,
            @RequestParam(defaultValue = Paging.DEFAULT_SIZE) @Min(value = 1, message = "size must be at least 1")
            @Max(value = Paging.MAX_SIZE, message = "size must be at most 100") int size) {
        return queries.list(new OrderFilter(customerId, status, minTotal), page, size);
    }

    @GetMapping(path = "/api/customers/{customerId}/orders", produces = "application/json")
    PageResult<OrderSummary> customerHistory(
            @PathVariable @ValidId(name = "customer ID") String customerId,
            @RequestParam(defaultValue = "0") @PositiveOrZero(message = "page cannot be negative")
            @Max(value = Paging.MAX_PAGE, message = "page must be at most 100000") int page,
            @RequestParam(defaultValue = Paging.DEFAULT_SIZE) @Min(value = 1, message = "size must be at least 1")
            @Max(value = Paging.MAX_SIZE, message = "size must be at most 100") int size) {
        return queries.list(new OrderFilter(customerId, null, null), page, size);
    }

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
