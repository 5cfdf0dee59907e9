package com.minkshop.query.product;

import com.minkshop.api.common.PageResult;
import com.minkshop.api.product.ProductSummary;
import com.minkshop.query.web.Paging;
import jakarta.persistence.criteria.Predicate;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Catalog reads; every answer is a {@link ProductSummary}, never the entity.
 */
@Service
@Transactional(readOnly = true)
class ProductQueries {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("productId"));

    private final ProductViewRepository products;

    ProductQueries(ProductViewRepository products) {
        this.products = products;
    }

    Optional<ProductSummary> find(String productId) {
        return products.findById(productId).map(ProductView::toSummary);
    }

    PageResult<ProductSummary> list(ProductFilter filter, int page, int size) {
        return Paging.result(products.findAll(matching(filter), Paging.request(page, size, NEWEST_FIRST)),
                             ProductView::toSummary);
    }

    private static Specification<ProductView> matching(ProductFilter filter) {
        return (root, query, cb) -> {
            List<Predicate> predicates = new ArrayList<>();
            if (filter.available() != null) {
                Predicate available = cb.and(cb.isFalse(root.get("discontinued")),
                                             cb.greaterThan(root.get("availableStock"), 0));
                predicates.add(filter.available() ? available : cb.not(available));
            }
            if (filter.search() != null) {
                predicates.add(cb.like(cb.lower(root.get("name")),
                                       "%" + escape(filter.search().toLowerCase(Locale.ROOT)) + "%", '\\'));
            }
            if (filter.sku() != null) {
                predicates.add(cb.like(root.get("sku"), escape(filter.sku()) + "%", '\\'));
            }
            if (filter.lowStockBelow() != null) {
                predicates.add(cb.isFalse(root.get("discontinued")));
                predicates.add(cb.lessThan(root.get("availableStock"), filter.lowStockBelow()));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }

    // user text is matched literally, so LIKE wildcards in it must not act as wildcards
    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    record ProductFilter(Boolean available, String search, String sku, Integer lowStockBelow) {
    }
}
