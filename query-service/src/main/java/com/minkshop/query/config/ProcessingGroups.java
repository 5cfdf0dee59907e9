package com.minkshop.query.config;

import java.util.List;

/**
 * The processing groups of the query-service, one per read model. Each is also the name of its tracking processor,
 * its token row and its dead-letter queue, and is configured under {@code axon.eventhandling.processors.<name>}.
 */
public final class ProcessingGroups {

    public static final String PRODUCT_VIEW = "product-view";
    public static final String CART_VIEW = "cart-view";
    public static final String ORDER_VIEW = "order-view";
    public static final String DASHBOARD = "dashboard";

    public static final List<String> ALL = List.of(PRODUCT_VIEW, CART_VIEW, ORDER_VIEW, DASHBOARD);

    private ProcessingGroups() {
    }
}
