package io.pdx.contracts.catalog;

/**
 * Where an objection (异议) stands: lodged and open; a reviewer proposes to uphold it and another confirms (four
 * eyes: UPHELD sends the registration back to review), or a reviewer dismisses it with a written answer.
 */
public enum ObjectionStatus {
    OPEN, UPHOLD_PROPOSED, UPHELD, DISMISSED;

    /** Whether the objection still awaits its answer (the registration cannot conclude while one does). */
    public boolean pending() {
        return this == OPEN || this == UPHOLD_PROPOSED;
    }

    /** The states of an objection that still awaits its answer. */
    public static java.util.List<ObjectionStatus> pendingStates() {
        return java.util.List.of(OPEN, UPHOLD_PROPOSED);
    }
}
