package io.pdx.contracts.sandbox;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static io.pdx.contracts.sandbox.JobState.ADMITTED;
import static io.pdx.contracts.sandbox.JobState.AWAITING_RELEASE;
import static io.pdx.contracts.sandbox.JobState.CANCELLED;
import static io.pdx.contracts.sandbox.JobState.FAILED;
import static io.pdx.contracts.sandbox.JobState.QUEUED;
import static io.pdx.contracts.sandbox.JobState.REJECTED;
import static io.pdx.contracts.sandbox.JobState.RELEASED;
import static io.pdx.contracts.sandbox.JobState.RUNNING;
import static io.pdx.contracts.sandbox.JobState.SUCCEEDED;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Walks every from → to pair of the job life cycle against the diagram. */
class JobStateTest {

    static final Map<JobState, Set<JobState>> EXPECTED = Map.of(
            QUEUED, EnumSet.of(ADMITTED, FAILED, CANCELLED),
            ADMITTED, EnumSet.of(RUNNING, FAILED, CANCELLED),
            RUNNING, EnumSet.of(SUCCEEDED, FAILED),
            SUCCEEDED, EnumSet.of(RELEASED, AWAITING_RELEASE, REJECTED),
            AWAITING_RELEASE, EnumSet.of(RELEASED, REJECTED));

    @Test
    void everyPair_followsTheLifeCycle() {
        for (JobState from : JobState.values()) {
            for (JobState to : JobState.values()) {
                boolean expected = EXPECTED.getOrDefault(from, Set.of()).contains(to);
                assertEquals(expected, from.canMoveTo(to), from + " -> " + to);
            }
        }
    }

    @Test
    void releasedRejectedFailedAndCancelled_areFinal() {
        for (JobState state : JobState.values()) {
            assertEquals(EnumSet.of(RELEASED, REJECTED, FAILED, CANCELLED).contains(state), state.isFinal(), state.name());
        }
    }
}
