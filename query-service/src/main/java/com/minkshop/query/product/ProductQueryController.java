package com.minkshop.query.product;

import com.minkshop.api.common.ErrorCode;
import com.minkshop.api.common.PageResult;
import com.minkshop.api.common.ValidId;
import com.minkshop.api.product.ProductSummary;
import com.minkshop.query.consistency.ViewName;
import com.minkshop.query.consistency.ViewVersionTracker;
import com.minkshop.query.product.ProductQueries.ProductFilter;
import com.minkshop.query.web.ApiErrors;
import com.minkshop.query.web.ApiExample;
import com.minkshop.query.web.Paging;
import com.minkshop.query.web.ResourceNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.concurrent.CompletableFuture;

@RestController
@Tag(name = "Products", description = "The product catalogue")
@RequestMapping(path = "/api/products", produces = "application/json")
class ProductQueryController {

    /** The tutorial demo's product after Part 3, as this service shows it. */
    private static final String PRODUCT_EXAMPLE = """
            {"productId": "PROD-001", "sku": "WIDGET-001", "name": "Super Widget",
             "description": "The best widget money can buy",
             "price": 29.99, "availableStock": 98, "reservedStock": 0, "available": true, "discontinued": false,
             "createdAt": "2026-01-04T10:00:00Z", "updatedAt": "2026-01-04T10:00:05Z", "version": 3}""";

    private final ProductQueries queries;
    private final ViewVersionTracker versions;

    ProductQueryController(ProductQueries queries, ViewVersionTracker versions) {
        this.queries = queries;
        this.versions = versions;
    }

    @Operation(summary = "List products",
               description = "Newest first. search: case-insensitive name substring; sku: prefix; lowStockBelow: "
                           + "availableStock below this.")
    @ApiExample(value = PRODUCT_EXAMPLE, page = true)
    @GetMapping
    PageResult<ProductSummary> list(
            @RequestParam(required = false) Boolean available,
            @RequestParam(required = false) @Size(max = 200, message = "search must be at most 200 characters")
            String search,
            @RequestParam(required = false) @Size(max = 64, message = "sku must be at most 64 characters") String sku,
            @RequestParam(required = false) @PositiveOrZero(message = "lowStockBelow cannot be negative")
            Integer lowStockBelow,
            @RequestParam(defaultValue = "0") @PositiveOrZero(message = "page cannot be negative")
            @Max(value = Paging.MAX_PAGE, message = "page must be at most 100000") int page,
            @RequestParam(defaultValue = Paging.DEFAULT_SIZE) @Min(value = 1, message = "size must be at least 1")
            @Max(value = Paging.MAX_SIZE, message = "size must be at most 100") int size) {
        return queries.list(new ProductFilter(available, search, sku, lowStockBelow), page, size);
    }

    @Operation(summary = "Get a product",
               description = "With minVersion, waits up to 3 s for the view to reach that version, else 503 "
                           + "PROJECTION_LAGGING; without it an unknown id is 404 at once.")
    @ApiErrors({ErrorCode.PRODUCT_NOT_FOUND, ErrorCode.PROJECTION_LAGGING})
    @ApiExample(PRODUCT_EXAMPLE)
    @GetMapping("/{productId}")
    CompletableFuture<ProductSummary> find(
            @PathVariable @ValidId(name = "product ID") String productId,
            @RequestParam(required = false) @PositiveOrZero(message = "minVersion cannot be negative")
            Long minVersion) {
        if (minVersion == null) {
            return CompletableFuture.completedFuture(
                    queries.find(productId).orElseThrow(() -> new ResourceNotFoundException(
                            ErrorCode.PRODUCT_NOT_FOUND, "Product [" + productId + "] not found")));
        }
        return versions.await(ViewName.PRODUCT, productId, minVersion, () -> queries.find(productId),
                              ProductSummary::version);
    }
}
