package io.pdx.sandbox.engine;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Statements the analysis passed a moment ago, with the controls they passed under, so that the
 * run of a job does not repeat the analysis its submission has just had (OPA's controls, JSqlParser,
 * DuckDB's second opinion). The key is everything the verdict depends on: the statement and the
 * licensed datasets as given (grade, columns and tags, entity column). Only passes are kept, for at
 * most the time to live; a refusal is always worked out afresh. A time to live of zero keeps nothing.
 */
final class RecentChecks {

    static final int MAX = 1_000;

    private record Entry(StatementAnalysis.Checked checked, long expiresAt) {
    }

    private final long ttlNanos;
    private final LongSupplier clock;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    RecentChecks(Duration ttl) {
        this(ttl, System::nanoTime);
    }

    RecentChecks(Duration ttl, LongSupplier clock) {
        this.ttlNanos = ttl.toNanos();
        this.clock = clock;
    }

    synchronized StatementAnalysis.Checked get(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (clock.getAsLong() - entry.expiresAt() >= 0) {
            entries.remove(key);
            return null;
        }
        return entry.checked();
    }

    synchronized void put(String key, StatementAnalysis.Checked checked) {
        if (ttlNanos <= 0) {
            return;
        }
        long now = clock.getAsLong();
        entries.remove(key);
        entries.put(key, new Entry(checked, now + ttlNanos));
        Iterator<Entry> oldest = entries.values().iterator();
        while (oldest.hasNext()) {
            Entry entry = oldest.next();
            if (entries.size() <= MAX && now - entry.expiresAt() < 0) {
                break; // insertion order is expiry order: the rest are younger
            }
            oldest.remove();
        }
    }

    synchronized int size() {
        return entries.size();
    }
}
