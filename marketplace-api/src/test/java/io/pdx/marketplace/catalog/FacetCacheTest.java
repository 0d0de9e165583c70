package io.pdx.marketplace.catalog;

import io.pdx.contracts.Grade;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FacetCacheTest {

    private static final CatalogQuery QUERY = CatalogQuery.parse("公交", null, null, null, null, null, null, 0, 20);
    private static final CatalogView PUBLIC = new CatalogView(List.of(Grade.GENERAL), false, false);
    private static final CatalogView OPERATOR = new CatalogView(List.of(Grade.GENERAL, Grade.IMPORTANT), false, false);
    private static final CatalogView PROVIDER = new CatalogView(List.of(Grade.GENERAL), true, false);

    private final AtomicInteger computed = new AtomicInteger();

    private long total(FacetCache cache, CatalogQuery query, CatalogView view, String department) {
        return cache.get(FacetCache.key(query, view, department), () -> Uni.createFrom().item(
                        new FacetCache.Counts(computed.incrementAndGet(), Map.of())))
                .await().indefinitely().total();
    }

    @Test
    void sameViewAndFilters_areCountedOnce() {
        FacetCache cache = new FacetCache(Duration.ofMinutes(1));
        assertEquals(1, total(cache, QUERY, PUBLIC, null));
        CatalogQuery nextPage = CatalogQuery.parse("公交", null, null, null, null, null, "-rowCount", 3, 20);
        assertEquals(1, total(cache, nextPage, PUBLIC, null));
        assertEquals(1, computed.get());
    }

    @Test
    void anotherView_neverSeesTheCountsOfThisOne() {
        FacetCache cache = new FacetCache(Duration.ofMinutes(1));
        assertEquals(1, total(cache, QUERY, PUBLIC, null));
        assertEquals(2, total(cache, QUERY, OPERATOR, null));
        assertEquals(3, total(cache, QUERY, PROVIDER, "dept-transport"));
        assertEquals(4, total(cache, QUERY, PROVIDER, "dept-market"));
        assertEquals(5, total(cache, CatalogQuery.parse("地铁", null, null, null, null, null, null, 0, 20), PUBLIC, null));
    }

    @Test
    void clear_andZeroTimeToLive_countAgain() {
        FacetCache cache = new FacetCache(Duration.ofMinutes(1));
        total(cache, QUERY, PUBLIC, null);
        cache.clear();
        assertEquals(2, total(cache, QUERY, PUBLIC, null));
        FacetCache off = new FacetCache(Duration.ZERO);
        total(off, QUERY, PUBLIC, null);
        assertEquals(4, total(off, QUERY, PUBLIC, null));
    }
}
