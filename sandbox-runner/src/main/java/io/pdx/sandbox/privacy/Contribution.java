package io.pdx.sandbox.privacy;

/**
 * How much one entity may contribute to a query: at most {@code maxRows} rows (the rest of its rows dropped
 * uniformly at random) in at most {@code maxGroups} groups. Both come from the grade's policy data.
 */
public record Contribution(int maxRows, int maxGroups) {

    public Contribution {
        if (maxRows < 1 || maxGroups < 1) {
            throw new IllegalArgumentException("contribution bounds are at least 1");
        }
    }

    /** The groups one entity can actually reach: never more than its rows. */
    public int groupsReached() {
        return Math.min(maxRows, maxGroups);
    }

    /** Whether the group bound cuts anything the row bound does not already. */
    public boolean boundsGroups() {
        return maxGroups < maxRows;
    }
}
