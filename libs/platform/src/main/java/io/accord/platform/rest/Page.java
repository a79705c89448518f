package io.accord.platform.rest;

import java.util.List;

/**
 * One page of a list answer: {@code {"items": [...], "page": 0, "size": 50, "total": 123}}.
 * Pages are numbered from zero.
 */
public record Page<T>(List<T> items, int page, int size, long total) {

    public Page {
        items = List.copyOf(items);
    }

    /** True when pages after this one hold more items. */
    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}
