package io.pdx.marketplace.paging;

import io.pdx.contracts.Page;
import io.pdx.marketplace.problem.InvalidParameter;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.smallrye.mutiny.Uni;

import java.util.function.Function;

/**
 * The {@code page} and {@code size} of a list request, read from their text so that {@code page=abc} or
 * {@code size=} is a 400 naming the parameter rather than the framework's 404.
 *
 * @param page the page, from 0
 * @param size items per page, 1 to {@link #MAX_SIZE} unless a list says less
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;
    static final int MAX_PAGE = 100_000;

    /** Reads both parameters (null means the default); either out of its range is refused. */
    public static PageRequest of(String page, String size) {
        return of(page, size, DEFAULT_SIZE, MAX_SIZE);
    }

    public static PageRequest of(String page, String size, int defaultSize, int maxSize) {
        return new PageRequest(integer("page", page, 0, 0, MAX_PAGE), integer("size", size, defaultSize, 1, maxSize));
    }

    /** One page of a Panache query and the total under the same query, as the API's envelope. */
    public <E, V> Uni<Page<V>> page(PanacheQuery<E> query, Function<E, V> view) {
        return query.count().flatMap(total -> query.page(page, size).list()
                .map(entities -> new Page<>(entities.stream().map(view).toList(), total, page, size)));
    }

    /** A whole number parameter within [min, max], its fallback when absent. */
    public static int integer(String name, String text, int fallback, int min, int max) {
        if (text == null) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(text.strip());
        } catch (NumberFormatException notANumber) {
            throw new InvalidParameter(name, "must be a whole number from " + min + " to " + max);
        }
        if (value < min || value > max) {
            throw new InvalidParameter(name, "must be a whole number from " + min + " to " + max);
        }
        return value;
    }
}
