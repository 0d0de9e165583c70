package io.pdx.marketplace.sandbox;

import io.pdx.contracts.sandbox.JobState;
import io.pdx.marketplace.lifecycle.Transition;

import static io.pdx.contracts.sandbox.JobState.ADMITTED;
import static io.pdx.contracts.sandbox.JobState.AWAITING_RELEASE;
import static io.pdx.contracts.sandbox.JobState.CANCELLED;
import static io.pdx.contracts.sandbox.JobState.FAILED;
import static io.pdx.contracts.sandbox.JobState.QUEUED;
import static io.pdx.contracts.sandbox.JobState.REJECTED;
import static io.pdx.contracts.sandbox.JobState.RELEASED;
import static io.pdx.contracts.sandbox.JobState.RUNNING;
import static io.pdx.contracts.sandbox.JobState.SUCCEEDED;
import static io.pdx.marketplace.lifecycle.Transition.Edge.caller;
import static io.pdx.marketplace.lifecycle.Transition.Edge.platform;

/**
 * The named transitions of a sandbox job. The platform admits, starts, finishes and decides a job; only the
 * bureau releases or rejects a result that waits for review (AWAITING_RELEASE — never a job whose release
 * decision is still pending), and only its organization's developer cancels a job before it runs.
 */
public enum JobTransition implements Transition<JobState> {
    ADMIT(platform("admit", ADMITTED, QUEUED)),
    START(platform("start", RUNNING, ADMITTED)),
    SUCCEED(platform("run", SUCCEEDED, RUNNING)),
    FAIL(platform("fail", FAILED, QUEUED, ADMITTED, RUNNING)),
    AUTO_RELEASE(platform("released", RELEASED, SUCCEEDED)),
    AWAIT_REVIEW(platform("awaiting_release", AWAITING_RELEASE, SUCCEEDED)),
    POLICY_REJECT(platform("rejected", REJECTED, SUCCEEDED)),
    RELEASE(caller("release", RELEASED, AWAITING_RELEASE)),
    REJECT(caller("reject", REJECTED, AWAITING_RELEASE)),
    CANCEL(caller("cancel", CANCELLED, QUEUED, ADMITTED));

    private final Edge<JobState> edge;

    JobTransition(Edge<JobState> edge) {
        this.edge = edge;
    }

    @Override
    public Edge<JobState> edge() {
        return edge;
    }

    @Override
    public String kind() {
        return "job";
    }
}
