package com.minkshop.query.consistency;

/**
 * The read models that clients can wait on with {@code minVersion}.
 */
public enum ViewName {
    PRODUCT,
    CART,
    ORDER
}
