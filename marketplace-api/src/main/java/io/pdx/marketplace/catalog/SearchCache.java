package io.pdx.marketplace.catalog;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Recent search results, for a few seconds: the first pages of a catalog are asked for again
 * and again, and counting every visible row for the facets is the dearest part of a search.
 * Two levels: whole pages, and the totals and facet counts that every page of the same search
 * shares. The key holds everything that decides the answer — the caller's policy view (and
 * department when it matters), the keywords, the filters, and for a page its sort and position —
 * so a cached result never shows one caller what another may see. Registration changes in this
 * process clear it; other replicas lag by at most the time to live
 * ({@code pdx.catalog.search-cache-ttl}, 0 turns the cache off).
 */
@ApplicationScoped
public class SearchCache {

    static final int MAX_ENTRIES = 2_000;

    /** The counts a search shows besides its page. */
    public record Counts(long total, Map<String, Map<String, Long>> facets) {
    }

    /** What decides the counts of a search. */
    record Key(CatalogView view, String department, List<String> terms, String category, Object grade,
               String provider, Object openness, Object status) {
    }

    /** What decides one page of a search. */
    record PageKey(Key search, String sortColumn, boolean descending, int page, int size) {
    }

    private final ExpiringMap<Key, Counts> counts;
    private final ExpiringMap<PageKey, RenderedPage> pages;

    public SearchCache(@ConfigProperty(name = "pdx.catalog.search-cache-ttl", defaultValue = "PT2S") Duration ttl) {
        this.counts = new ExpiringMap<>(ttl, MAX_ENTRIES);
        this.pages = new ExpiringMap<>(ttl, MAX_ENTRIES);
    }

    static Key key(CatalogQuery query, CatalogView view, String department) {
        return new Key(view, view.ownDepartmentVisible() ? department : null, query.terms(), query.category(),
                query.grade(), query.provider(), query.openness(), query.status());
    }

    static PageKey pageKey(CatalogQuery query, CatalogView view, String department) {
        return new PageKey(key(query, view, department), query.sortColumn(), query.descending(), query.page(), query.size());
    }

    /** The cached counts for {@code key}, or those {@code compute} yields (then cached). */
    Uni<Counts> counts(Key key, Supplier<Uni<Counts>> compute) {
        return counts.get(key, compute);
    }

    /** The cached page for {@code key}, or the one {@code compute} yields (then cached). */
    Uni<RenderedPage> page(PageKey key, Supplier<Uni<RenderedPage>> compute) {
        return pages.get(key, compute);
    }

    /** Forgets every result: called when a registration changes what a search would find. */
    public void clear() {
        counts.clear();
        pages.clear();
    }
}
