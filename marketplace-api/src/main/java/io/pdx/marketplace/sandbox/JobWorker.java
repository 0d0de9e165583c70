package io.pdx.marketplace.sandbox;

import io.pdx.contracts.policy.PolicyDecision;
import io.pdx.contracts.policy.SandboxReleaseInput;
import io.pdx.contracts.policy.Subject;
import io.pdx.contracts.problem.Problem;
import io.pdx.contracts.product.PriceKind;
import io.pdx.contracts.licensing.LicenseState;
import io.pdx.contracts.sandbox.JobState;
import io.pdx.contracts.sandbox.RunRequest;
import io.pdx.contracts.sandbox.RunSummary;
import io.pdx.contracts.sandbox.SandboxDataset;
import io.pdx.marketplace.async.SharedWait;
import io.pdx.marketplace.audit.AuditLog;
import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.ledger.Charges;
import io.pdx.marketplace.licensing.License;
import io.pdx.marketplace.problem.ProblemException;
import io.pdx.marketplace.product.Product;
import io.pdx.policy.client.PolicyAnswer;
import io.pdx.policy.client.PolicyClient;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.LockMode;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Takes admitted jobs from PostgreSQL ({@code FOR UPDATE SKIP LOCKED}, so several instances share
 * the work), runs them in sandbox-runner, stores what the output controls left, asks OPA whether
 * the result may be released, and meters the use. A job whose license stopped being ACTIVE after
 * admission fails before it runs. A job found RUNNING when this instance starts is recovered from
 * the runner's stored result, or fails (ε refunded): never half-released.
 */
@ApplicationScoped
public class JobWorker {

    static final String ACTOR = "pdx-sandbox";
    static final String RELEASE = "pdx/sandbox/release";
    private static final Logger LOG = Logger.getLogger(JobWorker.class);

    private final SandboxRunnerApi runner;
    private final PolicyClient policy;
    private final AuditLog audit;
    private final Charges charges;
    private final Vertx vertx;
    private final JobSignals signals;
    private final OffsetDateTime startedAt = OffsetDateTime.now(ZoneOffset.UTC);
    private final AtomicBoolean recovered = new AtomicBoolean();
    /** Jobs this instance is running right now, and submissions that reserved a start. */
    private final AtomicInteger running = new AtomicInteger();

    public JobWorker(@RestClient SandboxRunnerApi runner, PolicyClient policy, AuditLog audit, Charges charges, Vertx vertx,
                     JobSignals signals) {
        this.signals = signals;
        this.runner = runner;
        this.policy = policy;
        this.audit = audit;
        this.charges = charges;
        this.vertx = vertx;
    }

    @Scheduled(every = "${pdx.sandbox.worker-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> onSchedule() {
        return drain();
    }

    /** Starts draining now, on a context of its own (after a submission has committed). */
    public void kick() {
        onOwnContext(this::drain);
    }

    /**
     * Whether a job being admitted now may start at once, in its admission's transaction
     * ({@link #start}): only when this instance runs nothing, so that a queue still forms under
     * load. A true answer reserves the start; give it back with {@link #unreserve} if the
     * admission does not commit, or hand the job to {@link #runStarted} once it has.
     */
    public boolean reserveStart() {
        return running.compareAndSet(0, 1);
    }

    public void unreserve() {
        running.decrementAndGet();
    }

    /**
     * Runs a job its admission already moved to RUNNING (after that commit), on the licensed data
     * the admission read, then drains what waits.
     */
    public void runStarted(SandboxJob job, SandboxDataset data) {
        onOwnContext(() -> execute(job, data)
                .onFailure().invoke(failure -> LOG.warnf("sandbox job %s: %s", job.id, failure.getClass().getSimpleName()))
                .onFailure().recoverWithNull()
                .eventually(running::decrementAndGet)
                .flatMap(ignored -> drain()));
    }

    private void onOwnContext(java.util.function.Supplier<Uni<Void>> work) {
        Context root = VertxContext.getRootContext(vertx.getOrCreateContext());
        Context own = VertxContext.createNewDuplicatedContext(root);
        io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle.setContextSafe(own, true);
        own.runOnContext(ignored -> work.get().subscribe().with(
                done -> { }, failure -> LOG.warnf(failure, "sandbox worker")));
    }

    /** RUNNING, audited (in the caller's transaction): the license was found ACTIVE in that same transaction. */
    Uni<SandboxJob> start(SandboxJob job) {
        job.moveTo(JobState.RUNNING);
        job.attempt++;
        return audited(job, "job.start", Map.of()).replaceWith(job);
    }

    /** Runs admitted jobs and decides releases until none is left. */
    public Uni<Void> drain() {
        Uni<Void> recovery = recovered.compareAndSet(false, true) ? recover() : Uni.createFrom().voidItem();
        return recovery.flatMap(ignored -> runNext()).flatMap(ignored -> releaseSucceeded());
    }

    private Uni<Void> runNext() {
        return claim().flatMap(job -> {
            if (job == null) {
                return Uni.createFrom().voidItem();
            }
            Uni<Void> ran = job.state == JobState.RUNNING
                    ? Uni.createFrom().voidItem().invoke(running::incrementAndGet).flatMap(ignored -> execute(job, null))
                            .eventually(running::decrementAndGet)
                    : Uni.createFrom().voidItem().invoke(() -> signals.changed(job.id));
            return ran.onFailure().invoke(failure -> LOG.warnf("sandbox job %s: %s", job.id, failure.getClass().getSimpleName()))
                    .onFailure().recoverWithNull()
                    .flatMap(ignored -> runNext());
        });
    }

    /** The oldest ADMITTED job, now RUNNING — or FAILED when its license is no longer ACTIVE. */
    private Uni<SandboxJob> claim() {
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> session
                        .createSelectionQuery("from SandboxJob where state = :state order by createdAt", SandboxJob.class)
                        .setParameter("state", JobState.ADMITTED)
                        .setLockMode(LockMode.UPGRADE_SKIPLOCKED) // FOR UPDATE SKIP LOCKED: instances share the queue
                        .setMaxResults(1)
                        .getSingleResultOrNull())
                .flatMap(job -> job == null ? Uni.createFrom().<SandboxJob>nullItem()
                        : License.<License>findById(job.licenseId).flatMap(license -> {
                            if (!license.inForce()) {
                                job.failure = problem("license_not_active", 403, "授权未处于生效状态", "The license is not active");
                                job.moveTo(JobState.FAILED);
                                job.refund(); // it never ran
                                return audited(job, "job.fail", Map.of("code", "license_not_active", "refunded", true)).replaceWith(job);
                            }
                            return start(job);
                        })));
    }

    /** Runs a RUNNING job on {@code data} (the licensed dataset; read afresh when null) and decides its release. */
    private Uni<Void> execute(SandboxJob job, SandboxDataset data) {
        Uni<RunRequest> request = data != null
                ? Uni.createFrom().item(new RunRequest(job.id, job.sql, List.of(data), job.epsilonMicros))
                : Panache.withSession(() -> runRequest(job));
        Uni<RunSummary> run = job.reusedFrom != null ? runner.summary(job.reusedFrom)
                : request.flatMap(ready -> runner.run(job.id, ready));
        return run.flatMap(summary -> succeedAndDecide(job, summary))
                .onFailure().recoverWithUni(failure -> fail(job.id, failure))
                .invoke(() -> signals.changed(job.id))
                .call(() -> meter(job.id));
    }

    private Uni<RunRequest> runRequest(SandboxJob job) {
        return License.<License>findById(job.licenseId).flatMap(license -> Dataset.<Dataset>findById(job.datasetId)
                .map(dataset -> new RunRequest(job.id, job.sql, List.of(LicensedData.of(license, dataset)), job.epsilonMicros)));
    }

    private Uni<Void> succeed(UUID id, RunSummary summary) {
        return Panache.withTransaction(() -> SandboxJob.<SandboxJob>findById(id).flatMap(job -> succeeded(job, summary)));
    }

    /**
     * A finished run and its release decision in one transaction: SUCCEEDED, then RELEASED,
     * AWAITING_RELEASE or REJECTED as OPA decides. Without an answer from OPA the job commits as
     * SUCCEEDED alone (a database failure fails the whole transaction), and a later round decides ({@link #releaseSucceeded}).
     */
    private Uni<Void> succeedAndDecide(SandboxJob started, RunSummary summary) {
        UUID id = started.id;
        // OPA is asked while the transaction finds the job and records the run: the input is all known now
        CompletableFuture<PolicyAnswer<PolicyDecision>> asked = started.reusedFrom != null ? null
                : policy.evaluate(RELEASE, releaseInput(started, summary), PolicyDecision.class).subscribeAsCompletionStage();
        return Panache.withTransaction(() -> SandboxJob.<SandboxJob>findById(id).flatMap(job -> succeeded(job, summary)
                .flatMap(ignored -> job.state != JobState.SUCCEEDED ? Uni.createFrom().voidItem()
                        : decide(job, asked == null ? null : SharedWait.on(asked))
                        .onFailure().invoke(undecided -> LOG.warnf("release decision for job %s postponed: %s", id,
                                undecided.getClass().getSimpleName()))
                        .onFailure().recoverWithNull())));
    }

    private Uni<Void> succeeded(SandboxJob job, RunSummary summary) {
        if (job.state != JobState.RUNNING) {
            return Uni.createFrom().voidItem();
        }
        job.summary = summary;
        job.expiresAt = summary.expiresAt() == null ? null : summary.expiresAt().atOffset(ZoneOffset.UTC);
        job.moveTo(JobState.SUCCEEDED);
        return audited(job, "job.run", Map.of("rows", summary.rowCount(), "suppressedGroups", summary.suppressedGroups(),
                "epsilonMicros", summary.epsilonMicros(), "reusedFrom", String.valueOf(job.reusedFrom))).replaceWithVoid();
    }

    /**
     * A RUNNING job that did not finish. The ε and δ it was charged are given back only when the run certainly
     * read no data: the runner refused it before executing (its answer says so), or the runner could not be
     * reached at all. Any other end — a failure after the run read data, a lost connection, an interrupted
     * instance — keeps the charge, and the requester sees one and the same failure whatever the cause.
     */
    private Uni<Void> fail(UUID id, Throwable failure) {
        boolean readNothing = RunnerFailures.readNoData(failure);
        Problem problem = RunnerFailures.problemFor(failure);
        String cause = RunnerFailures.cause(failure);
        return Panache.withTransaction(() -> SandboxJob.<SandboxJob>findById(id).flatMap(job -> {
            if (job.state != JobState.RUNNING) {
                return Uni.createFrom().voidItem();
            }
            job.failure = problem;
            job.failureCause = cause;
            job.moveTo(JobState.FAILED);
            if (readNothing) {
                job.refund();
            }
            String code = problem.reasons().isEmpty() ? problem.type().toString() : problem.reasons().get(0).code();
            return audited(job, "job.fail", Map.of("code", code, "cause", String.valueOf(cause), "refunded", readNothing))
                    .replaceWithVoid();
        }));
    }

    /** Release decisions for every SUCCEEDED job (also those whose decision failed earlier). */
    private Uni<Void> releaseSucceeded() {
        return Panache.withSession(() -> SandboxJob.<SandboxJob>list("state", JobState.SUCCEEDED))
                .flatMap(jobs -> io.smallrye.mutiny.Multi.createFrom().iterable(jobs)
                        .onItem().transformToUniAndConcatenate(job -> release(job.id)
                                .onFailure().invoke(failure -> LOG.warnf("release decision for job %s: %s", job.id,
                                        failure.getClass().getSimpleName()))
                                .onFailure().recoverWithNull())
                        .collect().last())
                .replaceWithVoid();
    }

    /** The release decision for a SUCCEEDED job; then (committed) whoever waits on the job is told. */
    private Uni<Void> release(UUID id) {
        return decideRelease(id).invoke(() -> signals.changed(id));
    }

    private Uni<Void> decideRelease(UUID id) {
        return Panache.withTransaction(() -> SandboxJob.<SandboxJob>findById(id)
                .flatMap(job -> job.state != JobState.SUCCEEDED ? Uni.createFrom().voidItem()
                        : decide(job, policy.evaluate(RELEASE, releaseInput(job, job.summary), PolicyDecision.class))));
    }

    /**
     * Moves a SUCCEEDED job on as its earlier run went (a repeated noisy query) or as OPA's release
     * decision {@code answer} says; in the caller's transaction.
     */
    private Uni<Void> decide(SandboxJob job, Uni<PolicyAnswer<PolicyDecision>> answered) {
        if (job.reusedFrom != null) {
            return SandboxJob.<SandboxJob>findById(job.reusedFrom).flatMap(earlier -> {
                JobState mirrored = switch (earlier.state) {
                    case RELEASED -> JobState.RELEASED;
                    case REJECTED -> JobState.REJECTED;
                    default -> JobState.AWAITING_RELEASE;
                };
                job.releaseReasons = earlier.releaseReasons;
                job.reviewedBy = earlier.reviewedBy;
                job.moveTo(mirrored);
                return audited(job, "job." + mirrored.name().toLowerCase(java.util.Locale.ROOT),
                        Map.of("reusedFrom", earlier.id.toString())).replaceWithVoid();
            });
        }
        return answered.flatMap(answer -> License.<License>findById(job.licenseId).flatMap(license -> {
            PolicyDecision decision = answer.result();
            job.releaseId = answer.decisionId();
            job.releaseReasons = new SandboxJob.Reasons(decision.reasons());
            JobState next = switch (decision.outcome()) {
                case "AUTO" -> JobState.RELEASED;
                case "REVIEW" -> JobState.AWAITING_RELEASE;
                default -> JobState.REJECTED;
            };
            if (next == JobState.RELEASED && !license.inForce()) {
                // a result is released only under a license in force: it waits for the bureau instead
                next = JobState.AWAITING_RELEASE;
                job.releaseReasons = new SandboxJob.Reasons(List.of(JobProblems.LICENSE_NOT_ACTIVE));
            }
            if (next == JobState.REJECTED) {
                job.reviewedBy = "policy";
            }
            job.moveTo(next);
            return audit.record(ACTOR, "job." + next.name().toLowerCase(java.util.Locale.ROOT), "sandbox_job", job.id,
                    job.organization, answer.decisionId(), Map.of("sqlSha256", job.sqlSha256,
                            "outcome", decision.outcome())).replaceWithVoid();
        }));
    }

    static SandboxReleaseInput releaseInput(SandboxJob job, RunSummary summary) {
        return new SandboxReleaseInput(new Subject(true, job.submittedBy, List.of("developer"), job.organization, null),
                new SandboxReleaseInput.Job(job.id.toString(),
                        List.of(new SandboxReleaseInput.JobDataset(job.datasetId.toString(), job.grade)), job.templateId),
                new SandboxReleaseInput.Result(summary.rowCount(), summary.noise() != null, summary.columns()));
    }

    /**
     * Meters a run that produced a result at its product's price: per call once it ran; per 1,000 result rows only
     * once its result is released — an invoice line priced by rows would otherwise tell the operator the row count
     * of a result nobody released ({@link #meterRelease} meters those a reviewer releases). Once per run.
     */
    private Uni<Void> meter(UUID id) {
        return priced(id).flatMap(found -> {
                    SandboxJob job = found.job();
                    return switch (found.product().priceKind) {
                        case PER_CALL -> charges.charge(job.licenseId, Charges.Unit.CALL, 1, ACTOR).replaceWithVoid();
                        case PER_1000_ROWS -> job.state != JobState.RELEASED ? Uni.createFrom().voidItem()
                                : charges.charge(job.licenseId, Charges.Unit.ROWS, job.summary.rowCount(), ACTOR).replaceWithVoid();
                        default -> Uni.createFrom().voidItem();
                    };
                })
                .onFailure(failure -> !(failure instanceof NotMetered))
                .invoke(failure -> LOG.warnf("metering job %s: %s", id, failure.getClass().getSimpleName()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Meters a result a reviewer released, where its product is priced by rows (in the caller's transaction). */
    public Uni<Void> meterRelease(SandboxJob job) {
        if (job.summary == null) {
            return Uni.createFrom().voidItem();
        }
        return License.<License>findById(job.licenseId).flatMap(license -> Product.<Product>findById(license.productId))
                .flatMap(product -> product.priceKind != PriceKind.PER_1000_ROWS ? Uni.createFrom().voidItem()
                        : charges.charge(job.licenseId, Charges.Unit.ROWS, job.summary.rowCount(), ACTOR).replaceWithVoid());
    }

    private record Priced(SandboxJob job, Product product) {
    }

    /** The job with its product, when it produced a result and its product is not priced per period. */
    private Uni<Priced> priced(UUID id) {
        return Panache.withSession(() -> SandboxJob.<SandboxJob>findById(id)
                .flatMap(job -> License.<License>findById(job.licenseId)
                        .flatMap(license -> Product.<Product>findById(license.productId))
                        .map(product -> new Priced(job, product))))
                .map(found -> found.job().summary == null || found.product().priceKind == PriceKind.PER_PERIOD ? null : found)
                .onItem().ifNull().failWith(NotMetered::new);
    }

    /** Nothing to meter: no result, or a price per period. */
    private static final class NotMetered extends RuntimeException {
        NotMetered() {
            super(null, null, false, false);
        }
    }

    private Uni<Void> recover() {
        return recoverInterrupted(startedAt);
    }

    /** Jobs left RUNNING by an earlier instance (started before the cutoff): completed from the runner's stored result, or FAILED. */
    public Uni<Void> recoverInterrupted(OffsetDateTime startedBefore) {
        return Panache.withSession(() -> SandboxJob.<SandboxJob>list("state = ?1 and startedAt < ?2", JobState.RUNNING, startedBefore))
                .flatMap(jobs -> io.smallrye.mutiny.Multi.createFrom().iterable(jobs)
                        .onItem().transformToUniAndConcatenate(job -> runner.summary(job.resultOwner())
                                .flatMap(summary -> succeed(job.id, summary).call(() -> meter(job.id)))
                                .onFailure().recoverWithUni(gone -> fail(job.id, new Interrupted()))
                                .onFailure().recoverWithNull())
                        .collect().last())
                .replaceWithVoid();
    }

    private Uni<?> audited(SandboxJob job, String action, Map<String, ?> detail) {
        Map<String, Object> all = new java.util.TreeMap<>(detail);
        all.put("sqlSha256", job.sqlSha256);
        all.put("state", job.state.name());
        return audit.record(ACTOR, action, "sandbox_job", job.id, job.organization, null, all);
    }

    static Problem problem(String code, int status, String zh, String en) {
        return new Problem(Problem.type("sandbox/" + code.replace('_', '-')), "Sandbox job failed / 沙箱作业失败", status,
                en + " / " + zh, null, null, List.of(new PolicyDecision.Reason(code, zh, en)));
    }

    /** The run was cut short by a restart and left no result; it may have read data, so its charge stands. */
    static final class Interrupted extends ProblemException {
        Interrupted() {
            super(503, "sandbox/interrupted", "Sandbox job interrupted / 沙箱作业中断",
                    "The job was interrupted and produced no result; it may have read data, so its privacy budget stays spent. / 作业中断，未产生结果；可能已读取数据，隐私预算不退还。",
                    List.of(), List.of(new PolicyDecision.Reason("interrupted", "作业中断，未产生结果；可能已读取数据，隐私预算不退还",
                            "The job was interrupted and produced no result; it may have read data, so its privacy budget stays spent")));
        }
    }
}
