package io.pdx.contracts.sandbox;

import java.util.Map;
import java.util.Set;

/**
 * The life cycle of a sandbox job; the only way between states is this table.
 * QUEUED (statement checked, waiting for admission) → ADMITTED (OPA admitted it, ε charged) →
 * RUNNING → SUCCEEDED (output controls applied) → RELEASED, or AWAITING_RELEASE → RELEASED | REJECTED;
 * FAILED (refused, crashed, past a limit; ε refunded) and CANCELLED end a job before it succeeds.
 */
public enum JobState {
    QUEUED, ADMITTED, RUNNING, SUCCEEDED, AWAITING_RELEASE, RELEASED, REJECTED, FAILED, CANCELLED;

    private static final Map<JobState, Set<JobState>> NEXT = Map.of(
            QUEUED, Set.of(ADMITTED, FAILED, CANCELLED),
            ADMITTED, Set.of(RUNNING, FAILED, CANCELLED),
            RUNNING, Set.of(SUCCEEDED, FAILED),
            SUCCEEDED, Set.of(RELEASED, AWAITING_RELEASE, REJECTED),
            AWAITING_RELEASE, Set.of(RELEASED, REJECTED));

    public boolean canMoveTo(JobState to) {
        return NEXT.getOrDefault(this, Set.of()).contains(to);
    }

    /** No state follows. */
    public boolean isFinal() {
        return NEXT.getOrDefault(this, Set.of()).isEmpty();
    }
}
