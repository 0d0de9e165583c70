package io.pdx.contracts.sandbox;

/**
 * The life cycle of a sandbox job: its transitions (marketplace-api's transition enums) are the only way between states.
 * QUEUED (statement checked, waiting for admission) → ADMITTED (OPA admitted it, ε charged) →
 * RUNNING → SUCCEEDED (output controls applied) → RELEASED, or AWAITING_RELEASE → RELEASED | REJECTED;
 * FAILED (refused, crashed, past a limit; ε refunded) and CANCELLED end a job before it succeeds.
 */
public enum JobState {
    QUEUED, ADMITTED, RUNNING, SUCCEEDED, AWAITING_RELEASE, RELEASED, REJECTED, FAILED, CANCELLED;

}
