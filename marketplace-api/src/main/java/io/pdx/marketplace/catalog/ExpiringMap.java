package io.pdx.marketplace.catalog;

import io.pdx.marketplace.async.SharedWait;
import io.smallrye.mutiny.Uni;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Values computed at most once per key for a short time. A value still being computed is shared
 * by every caller that asks for it meanwhile (fifty clients missing at once cost one query, not
 * fifty), and outlives a caller that stops waiting ({@link SharedWait}); a failure is never kept; past {@code maxEntries} keys, or
 * on {@link #clear()}, everything is forgotten. A time to live of zero turns it off.
 */
final class ExpiringMap<K, V> {

    private record Entry<V>(long expiresAtNanos, CompletableFuture<V> value) {
    }

    private final long ttlNanos;
    private final int maxEntries;
    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();

    ExpiringMap(Duration ttl, int maxEntries) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
    }

    /** The value kept for {@code key}, or the one {@code compute} yields (then kept for the time to live). */
    Uni<V> get(K key, Supplier<Uni<V>> compute) {
        if (ttlNanos <= 0) {
            return compute.get();
        }
        long now = System.nanoTime(); // elapsed time for a cache's TTL: monotonic, not the wall Clock
        Entry<V> entry = entries.get(key);
        if (entry != null && entry.expiresAtNanos - now > 0) {
            return SharedWait.on(entry.value);
        }
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        Entry<V> fresh = new Entry<>(now + ttlNanos, new CompletableFuture<>());
        Entry<V> current = entries.compute(key, (ignored, old) -> old != null && old.expiresAtNanos - now > 0 ? old : fresh);
        if (current != fresh) {
            return SharedWait.on(current.value);
        }
        // The computation belongs to no caller: one that goes away (a client hanging up) cancels
        // only its own wait, never the value the others are waiting for.
        compute.get().subscribe().with(fresh.value::complete, failure -> forget(key, fresh, failure));
        return SharedWait.on(fresh.value);
    }

    private void forget(K key, Entry<V> entry, Throwable failure) {
        entries.remove(key, entry);
        entry.value.completeExceptionally(failure);
    }

    /** Forgets every value. */
    void clear() {
        entries.clear();
    }
}
