package com.minkshop.query.web;

import com.minkshop.api.common.PageResult;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

import java.util.function.Function;

/**
 * The list convention of the query API: {@code page} from 0, {@code size} 1-100 (default 20), newest first.
 */
public final class Paging {

    public static final String DEFAULT_SIZE = "20";
    public static final int MAX_SIZE = 100;
    public static final int MAX_PAGE = 100_000;

    private Paging() {
    }

    public static PageRequest request(int page, int size, Sort sort) {
        return PageRequest.of(page, size, sort);
    }

    public static <E, T> PageResult<T> result(Page<E> page, Function<E, T> mapper) {
        return new PageResult<>(page.getContent().stream().map(mapper).toList(), page.getNumber(), page.getSize(),
                                page.getTotalElements());
    }
}
