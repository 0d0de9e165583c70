package io.pdx.marketplace.sandbox.admission;

import io.pdx.contracts.policy.ControlsResult;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Where a slot may begin: the admission's allowance after the submission arrived, however long the admission took
 * within it (so its duration never moves the outcome's time); when the admission overran it, at its end.
 */
class JobSlotStartTest {

    static final OffsetDateTime ARRIVED = OffsetDateTime.of(2026, 12, 7, 10, 0, 0, 123_456_789, ZoneOffset.UTC);

    static ControlsResult.Timing allowance(long millis) {
        return new ControlsResult.Timing(1200, 1000, 10, 500, 300, 60_000, 20, millis);
    }

    @Test
    void anAdmissionWithinItsAllowance_startsItsSlotAtTheSameMoment_howeverLongItTook() {
        OffsetDateTime expected = OffsetDateTime.of(2026, 12, 7, 10, 0, 0, 373_000_000, ZoneOffset.UTC);
        for (long took : new long[] {1, 17, 120, 249}) {
            assertEquals(expected, JobSlots.earliestStart(ARRIVED, ARRIVED.plusNanos(took * 1_000_000), allowance(250)),
                    "admission of " + took + " ms");
        }
    }

    @Test
    void anAdmissionThatOverranItsAllowance_startsItsSlotWhenItEnded() {
        OffsetDateTime late = ARRIVED.plusNanos(251_000_000);
        assertEquals(late, JobSlots.earliestStart(ARRIVED, late, allowance(250)));
    }

    @Test
    void withoutAnAllowance_theSlotStartsWhenTheAdmissionEnds() {
        OffsetDateTime now = ARRIVED.plusNanos(40_000_000);
        assertEquals(now, JobSlots.earliestStart(ARRIVED, now, allowance(0)));
    }
}
