package io.pdx.marketplace.catalog;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Totals and facet counts of recent searches, for a few seconds: counting every visible row is
 * the dearest part of a search, and the first pages of a catalog are asked for again and again.
 * The key holds everything that decides the counts — the caller's policy view (and department
 * when it matters), the keywords and the filters — so a cached count never shows one caller what
 * another may see. Registration changes in this process clear it; other replicas lag by at most
 * the time to live ({@code pdx.catalog.facet-cache-ttl}, 0 turns the cache off).
 */
@ApplicationScoped
public class FacetCache {

    static final int MAX_ENTRIES = 2_000;

    /** The counts a search shows besides its page. */
    public record Counts(long total, Map<String, Map<String, Long>> facets) {
    }

    record Key(CatalogView view, String department, List<String> terms, String category, Object grade,
               String provider, Object openness, Object status) {
    }

    private record Entry(long expiresAtNanos, Counts counts) {
    }

    private final long ttlNanos;
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

    public FacetCache(@ConfigProperty(name = "pdx.catalog.facet-cache-ttl", defaultValue = "PT2S") Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    static Key key(CatalogQuery query, CatalogView view, String department) {
        return new Key(view, view.ownDepartmentVisible() ? department : null, query.terms(), query.category(),
                query.grade(), query.provider(), query.openness(), query.status());
    }

    /** The cached counts for {@code key}, or those {@code compute} yields (then cached). */
    Uni<Counts> get(Key key, java.util.function.Supplier<Uni<Counts>> compute) {
        if (ttlNanos <= 0) {
            return compute.get();
        }
        long now = System.nanoTime();
        Entry entry = entries.get(key);
        if (entry != null && entry.expiresAtNanos - now > 0) {
            return Uni.createFrom().item(entry.counts);
        }
        return compute.get().invoke(counts -> {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(key, new Entry(System.nanoTime() + ttlNanos, counts));
        });
    }

    /** Forgets every count: called when a registration changes what a search would find. */
    public void clear() {
        entries.clear();
    }
}
