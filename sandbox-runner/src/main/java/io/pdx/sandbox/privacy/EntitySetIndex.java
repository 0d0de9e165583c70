package io.pdx.sandbox.privacy;

import org.roaringbitmap.longlong.Roaring64Bitmap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The entity sets of the groups an organization already received from one dataset in one period, as 64-bit entity
 * hashes in Roaring bitmaps, with an index that finds every earlier set within fewer than k entities of a new one
 * without comparing it with all of them.
 *
 * <p>The index files each set under its k smallest hashes (unsigned order). If {@code |S Δ T| < k} and S and T meet,
 * let x be the smallest hash of {@code S ∩ T}: the hashes of S below x are all outside T, fewer than k of them, and so
 * are those of T below x; x is among the k smallest of both. So looking S's k smallest hashes up finds every such T
 * (an exact filter, no false negatives); each candidate is then compared exactly, walking both in order up to
 * the k-th difference. Sets
 * that do not meet differ by {@code |S| + |T|}: only when S has fewer than k entities (a group k suppresses anyway) can
 * that be under k, and then every set is compared. Not thread-safe: its owner holds the lock of its key.
 */
public final class EntitySetIndex {

    /** How a set stands to the sets already released. */
    public enum Match {
        /** No released set within fewer than k entities of it (and none equal). */
        APART,
        /** The very same set was released before: the same answer again tells nothing new. */
        IDENTICAL,
        /** A released set differs from it by more than zero and fewer than k entities: releasing it would tell them. */
        TOO_CLOSE
    }

    /** Each set's hashes in unsigned order: random 64-bit hashes give Roaring nothing to compress in memory, and a walk
     *  over an array costs nanoseconds a step where the bitmap's iterator costs about a hundred. */
    private final List<long[]> sets = new ArrayList<>();
    private final Map<Long, List<Integer>> bySmallest = new HashMap<>();
    private int indexedK;

    /** How {@code set} stands to the sets released, for the threshold {@code k}. */
    public Match compare(Roaring64Bitmap set, int k) {
        return compare(set.toArray(), k);
    }

    /**
     * How a set stands to the sets released, for the threshold {@code k}.
     *
     * @param hashes the set's distinct hashes in unsigned order ({@link #sorted})
     */
    public Match compare(long[] hashes, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k ≥ 1");
        }
        long n = hashes.length;
        Iterable<Integer> candidates;
        if (n < k) {
            candidates = () -> java.util.stream.IntStream.range(0, sets.size()).iterator();
        } else {
            index(k);
            Set<Integer> found = new HashSet<>();
            for (long hash : smallest(hashes, k)) {
                found.addAll(bySmallest.getOrDefault(hash, List.of()));
            }
            candidates = found;
        }
        boolean identical = false;
        for (int candidate : candidates) {
            long[] earlier = sets.get(candidate);
            long m = earlier.length;
            if (Math.abs(n - m) >= k) {
                continue;
            }
            long difference = differenceUpTo(hashes, earlier, k);
            if (difference == 0) {
                identical = true;
            } else if (difference < k) {
                return Match.TOO_CLOSE;
            }
        }
        return identical ? Match.IDENTICAL : Match.APART;
    }

    /**
     * {@code |S Δ T|} if it is under k, else some number ≥ k: both walked in order together, stopping at the k-th
     * difference (sets apart stop early; a full {@code andCardinality} of random 64-bit hashes costs far more).
     */
    static long differenceUpTo(long[] s, long[] t, int k) {
        int a = 0;
        int b = 0;
        long difference = 0;
        while (a < s.length && b < t.length && difference < k) {
            int order = Long.compareUnsigned(s[a], t[b]);
            if (order == 0) {
                a++;
                b++;
            } else {
                difference++;
                if (order < 0) {
                    a++;
                } else {
                    b++;
                }
            }
        }
        return Math.min(k, difference + (s.length - a) + (t.length - b));
    }

    public void add(Roaring64Bitmap set) {
        add(set.toArray());
    }

    /** @param hashes distinct, in unsigned order ({@link #sorted}) */
    public void add(long[] hashes) {
        sets.add(hashes);
        if (indexedK > 0) {
            file(sets.size() - 1, indexedK);
        }
    }

    /** Distinct hashes in unsigned order (the order of {@link Roaring64Bitmap#toArray}), from any array of them. */
    public static long[] sorted(long[] hashes) {
        long[] flipped = new long[hashes.length];
        for (int i = 0; i < hashes.length; i++) {
            flipped[i] = hashes[i] ^ Long.MIN_VALUE;
        }
        long[] distinct = java.util.Arrays.stream(flipped).sorted().distinct().toArray();
        for (int i = 0; i < distinct.length; i++) {
            distinct[i] ^= Long.MIN_VALUE;
        }
        return distinct;
    }

    /** How many sets it holds. */
    public int size() {
        return sets.size();
    }

    /** The index for {@code k} (built again when k differs from the last one's). */
    private void index(int k) {
        if (indexedK == k) {
            return;
        }
        bySmallest.clear();
        for (int i = 0; i < sets.size(); i++) {
            file(i, k);
        }
        indexedK = k;
    }

    private void file(int position, int k) {
        for (long hash : smallest(sets.get(position), k)) {
            bySmallest.computeIfAbsent(hash, h -> new ArrayList<>(1)).add(position);
        }
    }

    private static long[] smallest(long[] hashes, int k) {
        return java.util.Arrays.copyOf(hashes, Math.min(k, hashes.length));
    }
}
