package io.pdx.marketplace.sandbox;

import io.pdx.contracts.policy.ControlsResult;
import io.pdx.contracts.policy.PolicyDecision;
import io.pdx.contracts.policy.ReleaseOutcome;
import io.pdx.contracts.policy.SandboxReleaseInput;
import io.pdx.contracts.policy.Subject;
import io.pdx.contracts.sandbox.JobState;
import io.pdx.contracts.runner.RunRequest;
import io.pdx.contracts.runner.RunSummary;
import io.pdx.contracts.runner.SandboxDataset;
import io.pdx.marketplace.async.SharedWait;
import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.licensing.License;
import io.pdx.marketplace.problem.ProblemException;
import io.pdx.marketplace.sandbox.runner.RunnerFailures;
import io.pdx.marketplace.sandbox.runner.SandboxRunner;
import io.pdx.marketplace.sandbox.tables.JobTables;
import io.pdx.marketplace.sandbox.tables.OwnTable;
import io.pdx.policy.client.PolicyAnswer;
import io.pdx.policy.client.PolicyClient;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Runs a job the {@link JobQueue} started and decides its release: the run in sandbox-runner, then —
 * in one transaction — SUCCEEDED and the release decision OPA gives (RELEASED, AWAITING_RELEASE or REJECTED;
 * a job whose license is no longer in force waits for the bureau instead of being released), or FAILED as
 * {@link RunnerFailures} says (its charge kept unless it certainly read no data). Every step is a named
 * transition through the {@link JobLifecycle}, signalled to waiting clients once its transaction committed.
 */
@ApplicationScoped
public class JobWorker {

    static final String RELEASE = "pdx/sandbox/release";
    private static final Logger LOG = Logger.getLogger(JobWorker.class);

    private final SandboxRunner runner;
    private final PolicyClient policy;
    private final JobLifecycle lifecycle;
    private final Clock clock;

    public JobWorker(SandboxRunner runner, PolicyClient policy, JobLifecycle lifecycle, Clock clock) {
        this.clock = clock;
        this.runner = runner;
        this.policy = policy;
        this.lifecycle = lifecycle;
    }

    /**
     * Runs a RUNNING job on {@code data} (the licensed dataset; read afresh when null) and decides its release. The run
     * may take until its slot's end less the margin; the runner stops it there, whatever it is doing. A job whose slot
     * passed before it could start fails the same way (its charge kept). Metering follows once the outcome is visible
     * ({@link JobMetering#meterVisible}).
     */
    public Uni<Void> execute(SandboxJob job, List<SandboxDataset> data) {
        if (job.reusedFrom != null) {
            return runner.summary(job.reusedFrom).flatMap(summary -> succeedAndDecide(job, summary))
                    .onFailure().recoverWithUni(failure -> fail(job.id, failure));
        }
        long left = job.runMillisLeft(OffsetDateTime.now(clock));
        if (job.visibleAt != null && left <= 0) {
            return fail(job.id, RunnerFailures.problem(RunnerFailures.RUN_FAILED, 422, "查询在读取数据后未能完成；已计入隐私预算",
                    "The query did not complete after it read data; its privacy budget stays spent"), "slot_missed", false);
        }
        long limit = job.visibleAt == null ? 0 : left;
        Uni<RunRequest> request = data != null
                ? Uni.createFrom().item(new RunRequest(job.id, job.sql, data, job.epsilonMicros, limit, job.organization,
                        period(clock.instant(), job.controls)))
                : Panache.withSession(() -> runRequest(job, limit));
        return request.flatMap(ready -> runner.run(job.id, ready))
                .flatMap(summary -> succeedAndDecide(job, summary))
                .onFailure().recoverWithUni(failure -> fail(job.id, failure));
    }

    private Uni<RunRequest> runRequest(SandboxJob job, long limit) {
        return licensed(job.licenseId, job.datasetId).flatMap(own -> JoinedRead.of(job.id)
                .flatMap(joined -> Multi.createFrom().iterable(joined)
                        .onItem().transformToUniAndConcatenate(read -> licensed(read.licenseId, read.datasetId))
                        .collect().asList())
                .flatMap(others -> ownTables(job.id).map(tables -> {
                    List<SandboxDataset> data = new java.util.ArrayList<>();
                    data.add(own);
                    data.addAll(others);
                    data.addAll(tables);
                    return new RunRequest(job.id, job.sql, data, job.epsilonMicros, limit, job.organization,
                            period(clock.instant(), job.controls));
                })));
    }

    /** The organization's own tables the job reads, as the sandbox reads them (a deleted one: the runner refuses it). */
    private static Uni<List<SandboxDataset>> ownTables(UUID job) {
        return JobTables.tablesOf(List.of(job)).flatMap(tables -> Multi.createFrom().iterable(tables.getOrDefault(job, List.of()))
                .onItem().transformToUniAndConcatenate(id -> OwnTable.<OwnTable>findById(id))
                .collect().asList()
                .map(owned -> owned.stream().map(OwnTable::asDataset).toList()));
    }

    private static Uni<SandboxDataset> licensed(UUID licenseId, UUID datasetId) {
        return License.<License>findById(licenseId).flatMap(license -> Dataset.<Dataset>findById(datasetId)
                .map(dataset -> LicensedData.of(license, dataset)));
    }

    /**
     * The period the runner's differencing check keys an organization's released entity sets by: the budget's period
     * (the calendar year, or month) in its time zone, as the budget itself runs ({@code BudgetPeriod}); for a grade
     * without a budget (GENERAL, exact results) the calendar year in Asia/Shanghai. {@code 2026} or {@code 2026-03}.
     */
    static String period(Instant now, ControlsResult controls) {
        ControlsResult.Budget budget = controls == null ? null : controls.budget();
        ZoneId zone = ZoneId.of(budget == null || budget.time_zone() == null ? "Asia/Shanghai" : budget.time_zone());
        LocalDate today = LocalDate.ofInstant(now, zone);
        return budget != null && "MONTH".equals(budget.period()) ? YearMonth.from(today).toString() : Integer.toString(today.getYear());
    }

    /**
     * A finished run and its release decision in one transaction: SUCCEEDED, then RELEASED, AWAITING_RELEASE or
     * REJECTED. Without an answer from OPA the job commits as SUCCEEDED alone (a database failure fails the whole
     * transaction), and a later round decides ({@link #decidePending}).
     */
    Uni<Void> succeedAndDecide(SandboxJob started, RunSummary summary) {
        UUID id = started.id;
        // OPA is asked while the transaction finds the job and records the run: the input is all known now
        CompletableFuture<PolicyAnswer<PolicyDecision>> asked = started.reusedFrom != null ? null
                : policy.evaluate(RELEASE, releaseInput(started, summary), PolicyDecision.class).subscribeAsCompletionStage();
        return Panache.withTransaction(() -> SandboxJob.<SandboxJob>findById(id).flatMap(job -> {
                    if (job.state() != JobState.RUNNING) {
                        return Uni.createFrom().voidItem();
                    }
                    return lifecycle.succeed(job, summary)
                            .flatMap(succeeded -> decide(succeeded, asked == null ? null : SharedWait.on(asked))
                                    .onFailure().invoke(undecided -> LOG.warnf("release decision for job %s postponed: %s", id,
                                            undecided.getClass().getSimpleName()))
                                    .onFailure().recoverWithNull())
                            .replaceWithVoid();
                }))
                .onFailure(JobWorker::stale).retry().atMost(3); // read again: a job must never stay RUNNING
    }

    /** A transaction that lost an optimistic lock (the job changed meanwhile): worth reading again. */
    static boolean stale(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof jakarta.persistence.OptimisticLockException || cause instanceof org.hibernate.StaleStateException) {
                return true;
            }
        }
        return false;
    }

    /** The run did not finish: FAILED, its charge kept unless the run certainly read no data. */
    Uni<Void> fail(UUID id, Throwable failure) {
        return fail(id, RunnerFailures.problemFor(failure), RunnerFailures.cause(failure), RunnerFailures.readNoData(failure));
    }

    private Uni<Void> fail(UUID id, io.pdx.contracts.problem.Problem problem, String cause, boolean readNoData) {
        return Panache.withTransaction(() -> SandboxJob.<SandboxJob>findById(id).flatMap(job -> job.state() != JobState.RUNNING
                        ? Uni.createFrom().voidItem() : lifecycle.fail(job, problem, cause, readNoData).replaceWithVoid()))
                .onFailure(JobWorker::stale).retry().atMost(3); // read again: a job must never stay RUNNING
    }

    /** Release decisions for every SUCCEEDED job (also those whose decision failed earlier). */
    public Uni<Void> decidePending() {
        return Panache.withSession(() -> SandboxJob.<SandboxJob>list("state", JobState.SUCCEEDED))
                .flatMap(jobs -> Multi.createFrom().iterable(jobs)
                        .onItem().transformToUniAndConcatenate(job -> decideLater(job.id)
                                .onFailure().invoke(failure -> LOG.warnf("release decision for job %s: %s", job.id,
                                        failure.getClass().getSimpleName()))
                                .onFailure().recoverWithNull())
                        .collect().last())
                .replaceWithVoid();
    }

    private Uni<Void> decideLater(UUID id) {
        return Panache.withTransaction(() -> SandboxJob.<SandboxJob>findById(id)
                .flatMap(job -> job.state() != JobState.SUCCEEDED ? Uni.createFrom().voidItem()
                        : decide(job, policy.evaluate(RELEASE, releaseInput(job, job.summary), PolicyDecision.class)).replaceWithVoid()));
    }

    /**
     * Moves a SUCCEEDED job on, in the caller's transaction: as the result it shares goes (a repeated statement),
     * or as OPA's release decision {@code answered} says — held for the bureau when its license is not in force.
     */
    private Uni<JobTransition> decide(SandboxJob job, Uni<PolicyAnswer<PolicyDecision>> answered) {
        if (job.reusedFrom != null) {
            return SandboxJob.<SandboxJob>findById(job.reusedFrom).flatMap(owner -> lifecycle.follow(job, owner));
        }
        return answered.flatMap(answer -> JobLicenses.firstNotInForce(job, clock).flatMap(lapsed -> {
            PolicyDecision decision = answer.result();
            JobTransition outcome = JobLifecycle.outcomeOf(ReleaseOutcome.of(decision.outcome()));
            List<PolicyDecision.Reason> reasons = decision.reasons();
            if (outcome == JobTransition.AUTO_RELEASE && lapsed != null) {
                outcome = JobTransition.AWAIT_REVIEW; // released only while every license it read under is in force
                reasons = List.of(JobProblems.LICENSE_NOT_ACTIVE);
            }
            JobTransition decided = outcome;
            return lifecycle.decide(job, decided, answer.decisionId(), reasons).replaceWith(decided);
        }));
    }

    static SandboxReleaseInput releaseInput(SandboxJob job, RunSummary summary) {
        return new SandboxReleaseInput(new Subject(true, job.submittedBy, List.of("developer"), job.organization, null),
                new SandboxReleaseInput.Job(job.id.toString(),
                        List.of(new SandboxReleaseInput.JobDataset(job.datasetId.toString(), job.grade.name())), job.templateId),
                new SandboxReleaseInput.Result(summary.rowCount(), summary.noise() != null, summary.columns()));
    }

    /** A job found RUNNING whose lease ran out: completed from the runner's stored result, or FAILED (charge kept). */
    Uni<Void> recover(SandboxJob job) {
        return runner.summary(job.resultOwner())
                .flatMap(summary -> succeedAndDecide(job, summary))
                .onFailure().recoverWithUni(gone -> fail(job.id, new Interrupted()));
    }

    /** The run was cut short (its instance stopped) and left no result; it may have read data, so its charge stands. */
    static final class Interrupted extends ProblemException {
        Interrupted() {
            super(503, "sandbox/interrupted", "Sandbox job interrupted / 沙箱作业中断",
                    "The job was interrupted and produced no result; it may have read data, so its privacy budget stays spent. / 作业中断，未产生结果；可能已读取数据，隐私预算不退还。",
                    List.of(), List.of(new PolicyDecision.Reason("interrupted", "作业中断，未产生结果；可能已读取数据，隐私预算不退还",
                            "The job was interrupted and produced no result; it may have read data, so its privacy budget stays spent")));
        }
    }
}
