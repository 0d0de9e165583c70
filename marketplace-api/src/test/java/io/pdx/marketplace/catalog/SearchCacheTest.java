package io.pdx.marketplace.catalog;

import io.pdx.contracts.Grade;
import io.pdx.contracts.catalog.DatasetPage;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SearchCacheTest {

    private static final CatalogQuery QUERY = CatalogQuery.parse("公交", null, null, null, null, null, null, "0", "20");
    private static final CatalogView PUBLIC = new CatalogView(List.of(Grade.GENERAL), false, false);
    private static final CatalogView OPERATOR = new CatalogView(List.of(Grade.GENERAL, Grade.IMPORTANT), false, false);
    private static final CatalogView PROVIDER = new CatalogView(List.of(Grade.GENERAL), true, false);

    private final AtomicInteger computed = new AtomicInteger();

    private long total(SearchCache cache, CatalogQuery query, CatalogView view, String department) {
        return cache.counts(SearchCache.key(query, view, department), () -> Uni.createFrom().item(
                        new SearchCache.Counts(computed.incrementAndGet(), Map.of())))
                .await().indefinitely().total();
    }

    private long page(SearchCache cache, CatalogQuery query, CatalogView view, String department) {
        return cache.page(SearchCache.pageKey(query, view, department), () -> Uni.createFrom().item(
                        new RenderedPage(new DatasetPage(List.of(), computed.incrementAndGet(), query.page(), query.size(), Map.of()),
                                new byte[0])))
                .await().indefinitely().page().total();
    }

    @Test
    void sameViewAndFilters_areCountedOnce() {
        SearchCache cache = new SearchCache(Duration.ofMinutes(1));
        assertEquals(1, total(cache, QUERY, PUBLIC, null));
        CatalogQuery nextPage = CatalogQuery.parse("公交", null, null, null, null, null, "-rowCount", "3", "20");
        assertEquals(1, total(cache, nextPage, PUBLIC, null));
        assertEquals(1, computed.get());
    }

    @Test
    void anotherView_neverSeesTheCountsOfThisOne() {
        SearchCache cache = new SearchCache(Duration.ofMinutes(1));
        assertEquals(1, total(cache, QUERY, PUBLIC, null));
        assertEquals(2, total(cache, QUERY, OPERATOR, null));
        assertEquals(3, total(cache, QUERY, PROVIDER, "dept-transport"));
        assertEquals(4, total(cache, QUERY, PROVIDER, "dept-market"));
        assertEquals(5, total(cache, CatalogQuery.parse("地铁", null, null, null, null, null, null, "0", "20"), PUBLIC, null));
    }

    @Test
    void clear_andZeroTimeToLive_countAgain() {
        SearchCache cache = new SearchCache(Duration.ofMinutes(1));
        total(cache, QUERY, PUBLIC, null);
        cache.clear();
        assertEquals(2, total(cache, QUERY, PUBLIC, null));
        SearchCache off = new SearchCache(Duration.ZERO);
        total(off, QUERY, PUBLIC, null);
        assertEquals(4, total(off, QUERY, PUBLIC, null));
    }

    @Test
    void aPage_isKeptPerViewSortAndPosition() {
        SearchCache cache = new SearchCache(Duration.ofMinutes(1));
        assertEquals(1, page(cache, QUERY, PUBLIC, null));
        assertEquals(1, page(cache, QUERY, PUBLIC, null));
        assertEquals(2, page(cache, CatalogQuery.parse("公交", null, null, null, null, null, null, "1", "20"), PUBLIC, null));
        assertEquals(3, page(cache, CatalogQuery.parse("公交", null, null, null, null, null, "-rowCount", "0", "20"), PUBLIC, null));
        assertEquals(4, page(cache, QUERY, OPERATOR, null));
        assertEquals(5, page(cache, QUERY, PROVIDER, "dept-transport"));
        assertEquals(6, page(cache, QUERY, PROVIDER, "dept-market"));
        cache.clear();
        assertEquals(7, page(cache, QUERY, PUBLIC, null));
    }
}
