package io.pdx.marketplace.lifecycle;

import io.pdx.contracts.catalog.RegistrationStatus;
import io.pdx.contracts.sandbox.JobState;
import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.catalog.registration.RegistrationTransition;
import io.pdx.marketplace.sandbox.JobTransition;
import io.pdx.marketplace.sandbox.SandboxJob;
import io.pdx.marketplace.testing.FixtureStates;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The moments the efficiency figures count from (docs/EFFICIENCY.md) are stamped by the transitions themselves: a
 * registration's formal review begins at each submission and at a reopening and is decided by its acceptance or its
 * return; a result's release is decided by a reviewer or by the policy. The fast tier, no stack.
 */
class DecisionMomentsTest {

    static final OffsetDateTime T1 = OffsetDateTime.parse("2026-09-24T10:00:00+08:00");
    static final OffsetDateTime T2 = OffsetDateTime.parse("2026-10-15T17:00:00+08:00");
    static final OffsetDateTime T3 = OffsetDateTime.parse("2026-10-20T09:00:00+08:00");

    /** Applies a transition as the kernel does (the method is this package's alone). */
    static <S extends Enum<S>> void at(StatefulEntity<S> aggregate, Transition<S> transition, String actor, OffsetDateTime now) {
        aggregate.apply(transition, actor, now);
    }

    @Test
    void theFormalReview_beginsAtEachSubmission_andEndsWhenReturnedOrAccepted() {
        Dataset dataset = FixtureStates.inState(new Dataset(), RegistrationStatus.DRAFT);
        at(dataset, RegistrationTransition.SUBMIT, "provider-transport", T1);
        assertEquals(T1, dataset.reviewStartedAt);
        assertNull(dataset.reviewDecidedAt);
        at(dataset, RegistrationTransition.RETURN, "reviewer-1", T2);
        assertEquals(T2, dataset.reviewDecidedAt);

        at(dataset, RegistrationTransition.SUBMIT, "provider-transport", T3); // a new review
        assertEquals(T3, dataset.reviewStartedAt);
        assertNull(dataset.reviewDecidedAt);
        at(dataset, RegistrationTransition.ACCEPT, "reviewer-1", T3.plusDays(2));
        assertEquals(T3.plusDays(2), dataset.reviewDecidedAt);

        at(dataset, RegistrationTransition.REOPEN, "platform:publicity", T3.plusDays(5)); // an upheld objection
        assertEquals(T3.plusDays(5), dataset.reviewStartedAt);
        assertNull(dataset.reviewDecidedAt);
        assertEquals(T3, dataset.submittedAt, "the registration as a whole still counts from its submission");
    }

    @Test
    void aResultsRelease_isDecidedByAReviewerOrByThePolicy() {
        SandboxJob reviewed = FixtureStates.inState(new SandboxJob(), JobState.AWAITING_RELEASE);
        at(reviewed, JobTransition.RELEASE, "reviewer-1", T2);
        assertEquals(T2, reviewed.releaseDecidedAt);
        assertEquals("reviewer-1", reviewed.reviewedBy);

        SandboxJob rejected = FixtureStates.inState(new SandboxJob(), JobState.AWAITING_RELEASE);
        at(rejected, JobTransition.REJECT, "reviewer-1", T2);
        assertEquals(T2, rejected.releaseDecidedAt);

        SandboxJob automatic = FixtureStates.inState(new SandboxJob(), JobState.SUCCEEDED);
        at(automatic, JobTransition.AUTO_RELEASE, "platform", T1);
        assertEquals(T1, automatic.releaseDecidedAt);
        assertNull(automatic.reviewedBy, "no reviewer: counted as decided at once");

        SandboxJob refused = FixtureStates.inState(new SandboxJob(), JobState.SUCCEEDED);
        at(refused, JobTransition.POLICY_REJECT, "platform", T1);
        assertEquals(T1, refused.releaseDecidedAt);
        assertEquals("policy", refused.reviewedBy);

        SandboxJob waiting = FixtureStates.inState(new SandboxJob(), JobState.SUCCEEDED);
        at(waiting, JobTransition.AWAIT_REVIEW, "platform", T1);
        assertNull(waiting.releaseDecidedAt);
    }
}
