package com.minkshop.query.product;

import com.minkshop.api.common.ErrorCode;
import com.minkshop.api.common.PageResult;
import com.minkshop.api.common.ValidId;
import com.minkshop.api.product.ProductSummary;
import com.minkshop.query.consistency.ViewName;
import com.minkshop.query.consistency.ViewVersionTracker;
import com.minkshop.query.product.ProductQueries.ProductFilter;
import com.minkshop.query.web.Paging;
import com.minkshop.query.web.ResourceNotFoundException;
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
@RequestMapping(path = "/api/products", produces = "application/json")
class ProductQueryController {

    private final ProductQueries queries;
    private final ViewVersionTracker versions;

    ProductQueryController(ProductQueries queries, ViewVersionTracker versions) {
        this.queries = queries;
        this.versions = versions;
    }

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
