package io.pdx.contracts;

import java.util.List;

/**
 * The one list envelope of the API: a page of {@code items}, the {@code total} the caller may see under the same
 * filters, the page number (from 0) and its size.
 */
public record Page<T>(List<T> items, long total, int page, int size) {

    public Page {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
