package io.pdx.marketplace.sandbox;

import io.pdx.contracts.policy.PolicyDecision;
import io.pdx.contracts.policy.ReleaseOutcome;
import io.pdx.contracts.policy.Subject;
import io.pdx.contracts.problem.Problem;
import io.pdx.contracts.sandbox.JobState;
import io.pdx.contracts.runner.RunSummary;
import io.pdx.marketplace.lifecycle.Change;
import io.pdx.marketplace.lifecycle.TransitionKernel;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every state change of a sandbox job, each a named {@link JobTransition} run by the {@link TransitionKernel}:
 * checked against the job's state, stamped, audited in the same transaction with the job's one detail shape, and
 * signalled to waiting clients once the transaction that applied it committed. The platform's steps apply within the
 * caller's transaction; the bureau's and the developer's in the current one or one of their own.
 */
@ApplicationScoped
public class JobLifecycle {

    static final String PLATFORM = "pdx-sandbox";

    private final TransitionKernel transitions;

    public JobLifecycle(TransitionKernel transitions) {
        this.transitions = transitions;
    }

    /** QUEUED → ADMITTED: OPA admitted it and its cost was charged (the submitter's act, decided by the policy). */
    public Uni<SandboxJob> admit(SandboxJob job, Subject subject, String decisionId) {
        return transitions.runAsPlatform(JobTransition.ADMIT, subject.user(), decisionId, job, Change.none());
    }

    /** ADMITTED → RUNNING, leased to {@code instance} until {@code leaseUntil}. */
    public Uni<SandboxJob> start(SandboxJob job, String instance, OffsetDateTime leaseUntil) {
        return transitions.runAsPlatform(JobTransition.START, PLATFORM, null, job, Change.<SandboxJob>with(started -> {
            started.leaseOwner = instance;
            started.leaseUntil = leaseUntil;
        }));
    }

    /** RUNNING → SUCCEEDED with what the output controls left. */
    public Uni<SandboxJob> succeed(SandboxJob job, RunSummary summary) {
        return transitions.runAsPlatform(JobTransition.SUCCEED, PLATFORM, null, job, Change.<SandboxJob>with(succeeded -> {
            succeeded.summary = summary;
            succeeded.expiresAt = summary.expiresAt() == null ? null : summary.expiresAt().atOffset(ZoneOffset.UTC);
        }));
    }

    /** → FAILED; its charge is given back only when it certainly read no data. */
    public Uni<SandboxJob> fail(SandboxJob job, Problem problem, String cause, boolean readNoData) {
        return transitions.runAsPlatform(JobTransition.FAIL, PLATFORM, null, job, Change.<SandboxJob>with(failed -> {
            failed.failure = problem;
            failed.failureCause = cause;
            if (readNoData) {
                failed.refund();
            }
        }));
    }

    /** SUCCEEDED → RELEASED, AWAITING_RELEASE or REJECTED, as OPA's release decision (or the license's state) says. */
    public Uni<SandboxJob> decide(SandboxJob job, JobTransition outcome, String decisionId, List<PolicyDecision.Reason> reasons) {
        return transitions.runAsPlatform(outcome, PLATFORM, decisionId, job, Change.<SandboxJob>with(decided -> {
            decided.releaseId = decisionId;
            decided.releaseReasons = new SandboxJob.Reasons(reasons);
        }));
    }

    /** A repeated statement's job follows the result it shares: released, rejected, or waiting as that one is; the transition it took. */
    public Uni<JobTransition> follow(SandboxJob job, SandboxJob owner) {
        JobTransition outcome = switch (owner.state()) {
            case RELEASED -> JobTransition.AUTO_RELEASE;
            case REJECTED -> JobTransition.POLICY_REJECT;
            default -> JobTransition.AWAIT_REVIEW;
        };
        return transitions.runAsPlatform(outcome, PLATFORM, null, job, Change.<SandboxJob>with(decided -> {
            decided.releaseReasons = owner.releaseReasons;
            decided.reviewedBy = owner.reviewedBy;
            decided.reviewNote = owner.reviewNote;
        })).replaceWith(outcome);
    }

    /** The developer cancels a job before it runs; it read nothing, so its charge is given back. */
    public Uni<SandboxJob> cancel(Subject subject, Supplier<Uni<SandboxJob>> load, Consumer<SandboxJob> check) {
        return transitions.run(JobTransition.CANCEL, subject, load, Change.<SandboxJob>with(SandboxJob::refund).checkedBy(check));
    }

    /**
     * The bureau releases (or rejects) a result waiting for review, and with it every job that shares the stored
     * result (a repeated statement): one transaction, each job audited (and, released, metered: a hook of the
     * transition), the asked one authorized. {@code load} finds the asked job within that transaction; {@code check}
     * (e.g. its license in force) runs once the reviewer is authorized.
     */
    public Uni<SandboxJob> review(Supplier<Uni<SandboxJob>> load, JobTransition decision, Subject reviewer, String note,
                                  Function<SandboxJob, Uni<?>> check) {
        return Panache.withTransaction(() -> transitions.run(decision, reviewer, load,
                        Change.<SandboxJob>prepared(check::apply, reviewed -> reviewed.reviewNote = note))
                .call(reviewed -> SandboxJob.<SandboxJob>list("(id = ?1 or reusedFrom = ?1) and id <> ?2",
                                reviewed.resultOwner(), reviewed.id)
                        .flatMap(jobs -> Multi.createFrom().iterable(jobs)
                                .filter(shared -> decision.leavesFrom(shared.state()))
                                .onItem().transformToUniAndConcatenate(shared -> transitions.runAsPlatform(decision,
                                        reviewer.user(), null, shared, Change.<SandboxJob>with(followed -> followed.reviewNote = note)))
                                .collect().asList())));
    }

    /** The jobs that share {@code job}'s stored result, itself included. */
    public static Uni<List<SandboxJob>> sharing(SandboxJob job) {
        return Panache.withSession(() -> SandboxJob.<SandboxJob>list("id = ?1 or reusedFrom = ?1", job.resultOwner()));
    }

    /** The outcome transition of OPA's release decision. */
    static JobTransition outcomeOf(ReleaseOutcome decision) {
        return switch (decision) {
            case AUTO -> JobTransition.AUTO_RELEASE;
            case REVIEW -> JobTransition.AWAIT_REVIEW;
            case DENY -> JobTransition.POLICY_REJECT;
        };
    }

    static boolean moving(JobState state) {
        return state == JobState.QUEUED || state == JobState.ADMITTED || state == JobState.RUNNING || state == JobState.SUCCEEDED;
    }
}
