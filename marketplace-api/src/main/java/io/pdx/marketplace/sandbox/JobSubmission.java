package io.pdx.marketplace.sandbox;

import io.pdx.marketplace.security.Operation;
import io.pdx.contracts.policy.AuthzInput;
import io.pdx.contracts.policy.ControlsResult;
import io.pdx.contracts.policy.SandboxAdmissionInput;
import io.pdx.contracts.policy.Subject;
import io.pdx.contracts.problem.Problem.FieldError;
import io.pdx.contracts.runner.Analysis;
import io.pdx.contracts.runner.AnalysisRequest;
import io.pdx.contracts.sandbox.JobRequest;
import io.pdx.contracts.policy.PolicyDecision;
import io.pdx.contracts.sandbox.JobState;
import io.pdx.contracts.sandbox.PrivacyCost;
import io.pdx.contracts.runner.SandboxDataset;
import io.pdx.marketplace.audit.AuditAction;
import io.pdx.marketplace.audit.AuditLog;
import io.pdx.marketplace.sandbox.runner.SandboxRefusal;
import io.pdx.marketplace.sandbox.runner.SandboxRunner;
import io.pdx.marketplace.sandbox.runner.SandboxUnavailable;
import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.licensing.License;
import io.pdx.marketplace.problem.FieldCheck;
import io.pdx.marketplace.problem.ProblemException;
import io.pdx.marketplace.security.OperationGuard;
import io.pdx.policy.client.PolicyClient;
import io.pdx.policy.client.PolicyUnavailableException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Submission of a sandbox job: the statement (or a filled template) is checked by sandbox-runner's
 * static analysis against the licensed columns and the grade's controls, then OPA admits it
 * ({@code pdx.sandbox}) with the license's calls this month and, for grades with noise, what the
 * organization has spent of its privacy budget on the dataset this period — under a lock on the license
 * row and one on the (organization, dataset, period) budget, so that ε and δ are charged atomically with
 * the job's creation. A refusal at any step answers problem+json, is audited with the statement's hash,
 * and changes nothing else. The same noisy statement asked again in the period is answered from the
 * earlier result, at no cost.
 */
@ApplicationScoped
public class JobSubmission {

    static final String POLICY = "pdx/sandbox";
    static final ZoneId BUREAU_ZONE = ZoneId.of("Asia/Shanghai");
    static final int MAX_SQL = JobRequest.MAX_SQL;

    private final PolicyClient policy;
    private final OperationGuard guard;
    private final SandboxRunner runner;
    private final QueryTemplates templates;
    private final AuditLog audit;
    private final JobQueue queue;
    private final JobLifecycle lifecycle;
    private final PrivacySpending spending;
    private final JobSlots slots;

    public JobSubmission(PolicyClient policy, OperationGuard guard, SandboxRunner runner, QueryTemplates templates,
                         AuditLog audit, JobQueue queue, JobLifecycle lifecycle, PrivacySpending spending, JobSlots slots) {
        this.slots = slots;
        this.queue = queue;
        this.lifecycle = lifecycle;
        this.spending = spending;
        this.policy = policy;
        this.guard = guard;
        this.runner = runner;
        this.templates = templates;
        this.audit = audit;
    }

    /** A licensed dataset with its license, as the sandbox reads it. */
    record Prepared(License license, Dataset dataset, SandboxDataset data) {
    }

    /** An admitted job (RUNNING when it started in its admission) with the licensed data it runs on. */
    public record Admitted(SandboxJob job, SandboxDataset data) {
    }

    public Uni<Admitted> submit(Subject subject, JobRequest request) {
        FieldCheck check = check(request);
        List<FieldError> errors = check.errors();
        // the license is read while OPA decides on the caller; nothing of it is used, or shown, unless allowed
        Uni<Object> preparing = errors.isEmpty()
                ? Panache.withSession(() -> prepare(subject, request.licenseId())).<Object>map(ready -> ready)
                        .onFailure().recoverWithItem(failure -> failure) // a Prepared, or what prevented it
                : Uni.createFrom().nullItem();
        return Uni.combine().all()
                .unis(guard.require(subject, Operation.JOB_SUBMIT, new AuthzInput.Resource("job", null, subject.organization(), null, null)),
                        preparing)
                .collectFailures() // a refusal waits for the read instead of cancelling it mid-session
                .asTuple()
                .flatMap(allowedAndPrepared -> {
                    if (!errors.isEmpty()) {
                        throw new JobProblems.InvalidJob(check);
                    }
                    String sql = request.templateId() != null ? templates.fill(request.templateId(), request.params()) : request.sql();
                    Object prepared = allowedAndPrepared.getItem2();
                    return (prepared instanceof Prepared ready ? Uni.createFrom().item(ready)
                            : Uni.createFrom().<Prepared>failure((Throwable) prepared))
                            .flatMap(ready -> analyse(sql, ready)
                                    .flatMap(analysis -> admitted(subject, request, sql, ready, analysis))
                                    .map(job -> new Admitted(job, ready.data())))
                            .onFailure(refusal -> refusal instanceof ProblemException && !(refusal instanceof JobProblems.InvalidJob))
                            .call(refusal -> auditRefusal(subject, request, sql, refusal));
                });
    }

    private Uni<Prepared> prepare(Subject subject, UUID licenseId) {
        return License.<License>findById(licenseId)
                .onItem().ifNull().failWith(() -> new JobProblems.LicenseNotFound(licenseId))
                .invoke(license -> {
                    if (!license.organization.equals(subject.organization())) {
                        throw new JobProblems.LicenseNotFound(licenseId);
                    }
                })
                .flatMap(license -> Dataset.<Dataset>findById(license.datasetId)
                        .map(dataset -> new Prepared(license, dataset, LicensedData.of(license, dataset))));
    }

    private Uni<Analysis> analyse(String sql, Prepared prepared) {
        return runner.analyse(new AnalysisRequest(sql, List.of(prepared.data())));
    }

    /** The admission's transaction; a start reserved in it is given back when it does not commit. */
    private Uni<SandboxJob> admitted(Subject subject, JobRequest request, String sql, Prepared prepared, Analysis analysis) {
        AtomicBoolean reserved = new AtomicBoolean();
        return Panache.withTransaction(() -> admit(subject, request, sql, prepared, analysis)
                        .flatMap(job -> startIfIdle(job, reserved)))
                .onFailure().invoke(failure -> {
                    if (reserved.getAndSet(false)) {
                        queue.unreserve();
                    }
                })
                .invoke(job -> queue.admitted(job, prepared.data())); // committed: it runs now, or waits for a claim
    }

    private Uni<SandboxJob> admit(Subject subject, JobRequest request, String submittedSql, Prepared prepared,
                                  Analysis analysis) {
        UUID jobId = UUID.randomUUID();
        Instant now = Instant.now();
        OffsetDateTime monthStart = LocalDate.ofInstant(now, BUREAU_ZONE).withDayOfMonth(1).atStartOfDay(BUREAU_ZONE).toOffsetDateTime();
        ControlsResult controls = analysis.controls();
        boolean noised = controls != null && controls.differentiallyPrivate() && controls.budget() != null;
        BudgetPeriod period = noised ? BudgetPeriod.containing(now, controls.budget()) : null;
        UUID datasetId = prepared.dataset().id;
        return License.<License>findById(prepared.license().id, LockModeType.PESSIMISTIC_WRITE) // read afresh, FOR UPDATE
                .flatMap(license -> callsThisMonth(license.id, monthStart)
                        .flatMap(calls -> (noised ? spending.lockAndRead(license.organization, datasetId, period)
                                : Uni.createFrom().item(PrivacyCost.NONE))
                                .flatMap(spent -> (noised ? earlierResult(license.organization, datasetId, analysis.sqlSha256(), period)
                                        : Uni.createFrom().<SandboxJob>nullItem())
                                        .flatMap(earlier -> decideAdmission(subject, request, submittedSql, prepared, analysis,
                                                license, jobId, calls, spent, earlier, now)))));
    }

    private Uni<SandboxJob> decideAdmission(Subject subject, JobRequest request, String submittedSql, Prepared prepared,
                                            Analysis analysis, License license, UUID jobId, long calls, PrivacyCost spent,
                                            SandboxJob earlier, Instant admittedAt) {
        List<String> columns = analysis.columnsByAlias().getOrDefault(prepared.data().alias(), List.of());
        SandboxAdmissionInput input = input(subject, license, prepared.dataset(), columns, calls, spent, request.epsilon(),
                jobId, earlier != null);
        return policy.evaluate(POLICY, input, SandboxVerdict.class).flatMap(answer -> {
            SandboxVerdict verdict = answer.result();
            if (verdict.admission() == null || !verdict.admission().allow()) {
                List<PolicyDecision.Reason> reasons = verdict.admission() == null ? List.of() : verdict.admission().reasons();
                if (reasons.stream().anyMatch(reason -> "epsilon_out_of_range".equals(reason.code())) && verdict.controls() != null) {
                    throw JobProblems.InvalidJob.rules(List.of(new FieldError("epsilon", "must lie within ["
                            + plain(verdict.controls().epsilon_min()) + ", " + plain(verdict.controls().epsilon_max())
                            + "] for " + verdict.controls().grade() + " data (default: the middle of the range)")));
                }
                throw new JobProblems.AdmissionDenied(reasons);
            }
            SandboxJob job = new SandboxJob();
            job.id = jobId;
            job.licenseId = license.id;
            job.datasetId = prepared.dataset().id;
            job.organization = license.organization;
            job.submittedBy = subject.user();
            job.templateId = request.templateId();
            job.submittedSql = submittedSql;
            job.sql = analysis.sql();
            job.sqlSha256 = analysis.sqlSha256();
            job.grade = prepared.dataset().grade;
            job.controls = verdict.controls();
            job.admissionId = answer.decisionId();
            job.reusedFrom = earlier == null ? null : earlier.resultOwner();
            PrivacyCost cost = earlier == null ? verdict.cost() : PrivacyCost.NONE;
            job.epsilonMicros = cost.epsilonMicros();
            job.deltaPicos = cost.deltaPicos();
            // the moment whose budget period was locked and read: the charge counts in that period, whenever the insert lands
            job.createdAt = OffsetDateTime.ofInstant(admittedAt, BUREAU_ZONE);
            return slot(license.organization, analysis, verdict.controls(), earlier)
                    .flatMap(slot -> {
                        job.slotStart = slot.start();
                        job.visibleAt = slot.end();
                        return job.<SandboxJob>persist();
                    })
                    .flatMap(queued -> lifecycle.admit(queued, subject, answer.decisionId()));
        });
    }

    /**
     * The job's slot: the next of its organization's, as long as the runner's analysis said; a repeated statement,
     * which runs nothing, shows its answer when the earlier job does (or now).
     */
    private Uni<JobSlots.Slot> slot(String organization, Analysis analysis, ControlsResult controls, SandboxJob earlier) {
        OffsetDateTime now = OffsetDateTime.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        if (earlier != null) {
            SandboxJob owner = earlier;
            OffsetDateTime shown = owner.visibleAt == null || owner.visibleAt.isBefore(now) ? now : owner.visibleAt;
            return Uni.createFrom().item(new JobSlots.Slot(now, shown));
        }
        if (controls == null || controls.timing() == null || analysis.slotMillis() <= 0) {
            throw new JobProblems.SlotsUnavailable(); // no slot, no run: a job's timing is never left to its data
        }
        return slots.reserve(organization, analysis.slotMillis(), controls.timing(), now);
    }

    private static String plain(Double value) {
        return value == null ? "?" : java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /**
     * Started in the admission's own transaction when this instance runs nothing (the license was
     * locked and found ACTIVE just now): the run then follows the commit without a worker's claim.
     * Otherwise the job waits ADMITTED for a claim. After the commit {@link JobQueue#admitted} runs it or
     * drains the queue; a failed admission gives the start back.
     */
    private Uni<SandboxJob> startIfIdle(SandboxJob job, AtomicBoolean reserved) {
        if (job.slotStart != null && job.slotStart.isAfter(OffsetDateTime.now())) {
            return Uni.createFrom().item(job); // its slot begins later: the queue starts it then
        }
        if (!queue.reserveStart()) {
            return Uni.createFrom().item(job);
        }
        reserved.set(true);
        return queue.startNow(job);
    }

    /** Jobs admitted under the license this month (refunded jobs, which read nothing, do not count). */
    private static Uni<Long> callsThisMonth(UUID license, OffsetDateTime monthStart) {
        return Panache.getSession().flatMap(session -> session
                .createSelectionQuery("select count(j) from SandboxJob j"
                        + " where j.licenseId = :license and j.createdAt >= :since and j.refunded = false", Long.class)
                .setParameter("license", license)
                .setParameter("since", monthStart)
                .getSingleResult());
    }

    /**
     * The result of the same statement the organization already ran on the dataset this budget period, while it
     * is kept: asking again returns that noisy answer rather than a fresh draw — repeating a query cannot average
     * the noise away — and costs nothing. Its fate (release, rejection) is the new job's.
     */
    private static Uni<SandboxJob> earlierResult(String organization, UUID dataset, String sqlSha256, BudgetPeriod period) {
        return SandboxJob.<SandboxJob>find("organization = ?1 and datasetId = ?2 and sqlSha256 = ?3 and createdAt >= ?4"
                        + " and createdAt < ?5 and reusedFrom is null and state in ?6 and (expiresAt is null or expiresAt > ?7)"
                        + " order by createdAt desc",
                organization, dataset, sqlSha256, period.start(), period.end(),
                List.of(JobState.SUCCEEDED, JobState.AWAITING_RELEASE, JobState.RELEASED, JobState.REJECTED),
                OffsetDateTime.now())
                .firstResult();
    }

    static SandboxAdmissionInput input(Subject subject, License license, Dataset dataset, List<String> columns,
                                       long calls, PrivacyCost spent, Double epsilon, UUID jobId, boolean reusesResult) {
        return new SandboxAdmissionInput(subject,
                new SandboxAdmissionInput.License(license.id.toString(), license.state().name(), license.organization,
                        license.mode.name(), license.termStart == null ? null : license.termStart.toString(), license.termEnd.toString(),
                        List.of(new SandboxAdmissionInput.ScopeEntry(dataset.id.toString(), license.columns.columns())),
                        null),
                new SandboxAdmissionInput.Usage(calls, spent.epsilonMicros(), spent.deltaPicos()),
                new SandboxAdmissionInput.Job(jobId == null ? "analysis" : jobId.toString(),
                        List.of(new SandboxAdmissionInput.JobDataset(dataset.id.toString(), dataset.grade.name(), columns)),
                        epsilon, reusesResult));
    }

    private Uni<?> auditRefusal(Subject subject, JobRequest request, String sql, Throwable refusal) {
        if (refusal instanceof PolicyUnavailableException || refusal instanceof SandboxUnavailable) {
            return Uni.createFrom().voidItem();
        }
        String code = refusal instanceof SandboxRefusal sandbox ? sandbox.code()
                : refusal instanceof JobProblems.AdmissionDenied ? "admission_denied" : refusal.getClass().getSimpleName();
        return Panache.withTransaction(() -> audit.record(subject.user(), AuditAction.JOB_REFUSE, "license",
                        request.licenseId(), subject.organization(), null,
                        Map.of("submittedSha256", sha256(sql), "code", code)))
                .onFailure().recoverWithNull();
    }

    static List<FieldError> errors(JobRequest request) {
        return check(request).errors();
    }

    /** The request against its schema ({@link JobRequest}'s, the same constants), and the rule of sql or templateId. */
    static FieldCheck check(JobRequest request) {
        FieldCheck check = new FieldCheck();
        if (request == null) {
            return check.schema("body", "a job needs licenseId and sql or templateId");
        }
        if (request.licenseId() == null) {
            check.schema("licenseId", "is required");
        }
        check.text("sql", request.sql(), false, false, MAX_SQL);
        check.text("templateId", request.templateId(), false, false, JobRequest.MAX_TEMPLATE_ID);
        if ((request.sql() != null) == (request.templateId() != null)) {
            check.rule(request.sql() != null ? "templateId" : "sql", "give either sql or templateId, not both");
        }
        if (request.params() != null) {
            request.params().forEach((name, value) -> check.text("params." + name, value, false, true, Integer.MAX_VALUE));
        }
        if (request.epsilon() != null && (request.epsilon().isNaN() || request.epsilon().isInfinite())) {
            check.schema("epsilon", "must be a number; the policy's range per query applies");
        }
        return check;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((text == null ? "" : text).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
