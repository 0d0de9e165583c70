package io.pdx.marketplace.sandbox;

import io.pdx.contracts.sandbox.JobState;
import io.pdx.marketplace.audit.AuditAction;
import io.pdx.marketplace.lifecycle.Transition;
import io.pdx.marketplace.security.Operation;

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

/**
 * The named transitions of a sandbox job. The platform admits, starts, finishes and decides a job; only the
 * bureau releases or rejects a result that waits for review (AWAITING_RELEASE — never a job whose release
 * decision is still pending), and only its organization's developer cancels a job before it runs.
 */
public enum JobTransition implements Transition<JobState> {
    ADMIT(null, AuditAction.JOB_ADMIT, ADMITTED, QUEUED),
    START(null, AuditAction.JOB_START, RUNNING, ADMITTED),
    SUCCEED(null, AuditAction.JOB_RUN, SUCCEEDED, RUNNING),
    FAIL(null, AuditAction.JOB_FAIL, FAILED, QUEUED, ADMITTED, RUNNING),
    AUTO_RELEASE(null, AuditAction.JOB_RELEASED, RELEASED, SUCCEEDED),
    AWAIT_REVIEW(null, AuditAction.JOB_AWAITING_RELEASE, AWAITING_RELEASE, SUCCEEDED),
    POLICY_REJECT(null, AuditAction.JOB_REJECTED, REJECTED, SUCCEEDED),
    RELEASE(Operation.JOB_RELEASE, AuditAction.JOB_RELEASE, RELEASED, AWAITING_RELEASE),
    REJECT(Operation.JOB_REJECT, AuditAction.JOB_REJECT, REJECTED, AWAITING_RELEASE),
    CANCEL(Operation.JOB_CANCEL, AuditAction.JOB_CANCEL, CANCELLED, QUEUED, ADMITTED);

    private final Operation operation;
    private final AuditAction auditAction;
    private final JobState target;
    private final Set<JobState> sources;

    JobTransition(Operation operation, AuditAction auditAction, JobState target, JobState first, JobState... more) {
        this.operation = operation;
        this.auditAction = auditAction;
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
    public Operation operation() {
        return operation;
    }

    @Override
    public AuditAction auditAction() {
        return auditAction;
    }
}
