package com.minkshop.api.common;

import java.util.List;

/**
 * One page of a list answer: the items on the page, the page number (from 0), the page size and the total match count.
 */
public record PageResult<T>(List<T> items, int page, int size, long totalItems) {

    public PageResult {
        items = List.copyOf(items);
    }
}
