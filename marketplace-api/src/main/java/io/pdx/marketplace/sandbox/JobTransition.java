package io.pdx.marketplace.sandbox;

import io.pdx.contracts.sandbox.JobState;
import io.pdx.marketplace.lifecycle.Transition;

import java.util.EnumSet;
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
import static io.pdx.marketplace.lifecycle.Transition.By.CALLER;
import static io.pdx.marketplace.lifecycle.Transition.By.PLATFORM;

/**
 * The named transitions of a sandbox job. The platform admits, starts, finishes and decides a job; only the
 * bureau releases or rejects a result that waits for review (AWAITING_RELEASE — never a job whose release
 * decision is still pending), and only its organization's developer cancels a job before it runs.
 */
public enum JobTransition implements Transition<JobState> {
    ADMIT(PLATFORM, "admit", ADMITTED, QUEUED),
    START(PLATFORM, "start", RUNNING, ADMITTED),
    SUCCEED(PLATFORM, "run", SUCCEEDED, RUNNING),
    FAIL(PLATFORM, "fail", FAILED, QUEUED, ADMITTED, RUNNING),
    AUTO_RELEASE(PLATFORM, "released", RELEASED, SUCCEEDED),
    AWAIT_REVIEW(PLATFORM, "awaiting_release", AWAITING_RELEASE, SUCCEEDED),
    POLICY_REJECT(PLATFORM, "rejected", REJECTED, SUCCEEDED),
    RELEASE(CALLER, "release", RELEASED, AWAITING_RELEASE),
    REJECT(CALLER, "reject", REJECTED, AWAITING_RELEASE),
    CANCEL(CALLER, "cancel", CANCELLED, QUEUED, ADMITTED);

    private final By by;
    private final String verb;
    private final JobState target;
    private final Set<JobState> sources;

    JobTransition(By by, String verb, JobState target, JobState first, JobState... more) {
        this.by = by;
        this.verb = verb;
        this.target = target;
        this.sources = EnumSet.of(first, more);
    }

    @Override
    public Set<JobState> sources() {
        return sources;
    }

    @Override
    public JobState target() {
        return target;
    }

    @Override
    public By by() {
        return by;
    }

    @Override
    public String kind() {
        return "job";
    }

    @Override
    public String verb() {
        return verb;
    }
}
