package com.minkshop.query.order;

import com.minkshop.api.common.PageResult;
import com.minkshop.api.order.OrderSummary;
import com.minkshop.query.web.Paging;
import jakarta.persistence.criteria.Predicate;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Order reads; every answer is an {@link OrderSummary}, never the entity.
 */
@Service
@Transactional(readOnly = true)
class OrderQueries {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("placedAt"), Sort.Order.asc("orderId"));

    private final OrderViewRepository orders;

    OrderQueries(OrderViewRepository orders) {
        this.orders = orders;
    }

    Optional<OrderSummary> find(String orderId) {
        return orders.findById(orderId).map(OrderView::toSummary);
    }

    PageResult<OrderSummary> list(OrderFilter filter, int page, int size) {
        return Paging.result(orders.findAll(matching(filter), Paging.request(page, size, NEWEST_FIRST)),
                             OrderView::toSummary);
    }

    private static Specification<OrderView> matching(OrderFilter filter) {
        return (root, query, cb) -> {
            List<Predicate> predicates = new ArrayList<>();
            if (filter.customerId() != null) {
                predicates.add(cb.equal(root.get("customerId"), filter.customerId()));
            }
            if (filter.status() != null) {
                predicates.add(cb.equal(root.get("status"), filter.status()));
            }
            if (filter.minTotal() != null) {
                predicates.add(cb.greaterThanOrEqualTo(root.get("totalAmount"), filter.minTotal()));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }

    record OrderFilter(String customerId, String status, BigDecimal minTotal) {
    }
}
