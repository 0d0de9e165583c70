package io.pdx.sandbox.privacy;

import org.roaringbitmap.longlong.Roaring64Bitmap;

import java.util.ArrayList;
import java.util.List;

/**
 * The differencing check of an exact result (GENERAL): a group that passed k is released only when, for every dataset
 * the statement reads, its set of entities differs from each set the organization already received from that dataset
 * in the period by zero or by at least k entities. Two exact answers over populations that differ by fewer than k
 * entities would tell those entities' values by subtraction (n − (n − 1)); the same population again tells nothing new.
 * The groups released by this run are compared too (a later group of the same result against an earlier one) and kept
 * as {@link #released(int)} for the store. Entity sets never leave the runner.
 */
public final class DifferencingCheck {

    private final int k;
    private final List<EntitySetIndex> earlier;
    private final List<List<Roaring64Bitmap>> released = new ArrayList<>();
    private long suppressed;
    private EntitySetIndex.Match[] admitted;

    /** @param earlier per dataset the statement reads (in its FROM/JOIN order), the sets already released from it */
    public DifferencingCheck(int k, List<EntitySetIndex> earlier) {
        this.k = k;
        this.earlier = List.copyOf(earlier);
        for (int i = 0; i < earlier.size(); i++) {
            released.add(new ArrayList<>());
        }
    }

    /** The datasets checked. */
    public int datasets() {
        return earlier.size();
    }

    /** Whether a group of these entity sets (one per dataset) may be released; counts it when not. */
    public boolean admits(List<Roaring64Bitmap> sets) {
        return admitsHashes(sets.stream().map(Roaring64Bitmap::toArray).toList());
    }

    /**
     * Whether a group may be released, its entity sets given (one per dataset) as distinct hashes in unsigned order
     * ({@link EntitySetIndex#sorted}); counts it when not.
     */
    public boolean admitsHashes(List<long[]> sets) {
        if (sets.size() != earlier.size()) {
            throw new IllegalArgumentException("one entity set per dataset read");
        }
        EntitySetIndex.Match[] matches = new EntitySetIndex.Match[sets.size()];
        for (int i = 0; i < sets.size(); i++) {
            matches[i] = earlier.get(i).compare(sets.get(i), k);
            if (matches[i] == EntitySetIndex.Match.TOO_CLOSE) {
                suppressed++;
                admitted = null;
                return false;
            }
        }
        admitted = matches;
        return true;
    }

    /**
     * Records a group that is released (the one {@link #admits} just admitted): later groups are compared with it, and
     * the store keeps it.
     */
    public void release(List<Roaring64Bitmap> sets) {
        releaseHashes(sets.stream().map(Roaring64Bitmap::toArray).toList());
    }

    /** {@link #release} of the sets {@link #admitsHashes} just admitted. */
    public void releaseHashes(List<long[]> sets) {
        EntitySetIndex.Match[] matches = admitted;
        admitted = null;
        if (matches == null || matches.length != sets.size()) {
            throw new IllegalStateException("a group is released only right after it was admitted");
        }
        for (int i = 0; i < sets.size(); i++) {
            if (matches[i] != EntitySetIndex.Match.IDENTICAL) {
                earlier.get(i).add(sets.get(i));
                Roaring64Bitmap set = new Roaring64Bitmap();
                set.add(sets.get(i));
                released.get(i).add(set);
            }
        }
    }

    /** The new sets this run released from the i-th dataset (a set released before is not repeated). */
    public List<Roaring64Bitmap> released(int dataset) {
        return released.get(dataset);
    }

    /** Groups this check suppressed. */
    public long suppressed() {
        return suppressed;
    }
}
