package io.pdx.marketplace.sandbox;

import io.pdx.contracts.policy.AuthzInput;
import io.pdx.contracts.policy.ControlsResult;
import io.pdx.contracts.policy.SandboxAdmissionInput;
import io.pdx.contracts.policy.Subject;
import io.pdx.contracts.problem.Problem.FieldError;
import io.pdx.contracts.sandbox.Analysis;
import io.pdx.contracts.sandbox.AnalysisRequest;
import io.pdx.contracts.sandbox.JobRequest;
import io.pdx.contracts.sandbox.JobState;
import io.pdx.contracts.sandbox.SandboxDataset;
import io.pdx.marketplace.audit.AuditLog;
import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.licensing.License;
import io.pdx.marketplace.problem.ProblemException;
import io.pdx.marketplace.security.OperationGuard;
import io.pdx.policy.client.PolicyClient;
import io.pdx.policy.client.PolicyUnavailableException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
 * ({@code pdx.sandbox}) with the license's use this month — all under a lock on the license row, so
 * that the ε budget is charged atomically with the job's creation. A refusal at any step answers
 * problem+json, is audited with the statement's hash, and changes nothing else. The same noisy
 * statement asked again in the same month is answered from the earlier run, at no ε.
 */
@ApplicationScoped
public class JobSubmission {

    static final String POLICY = "pdx/sandbox";
    static final ZoneId BUREAU_ZONE = ZoneId.of("Asia/Shanghai");
    static final int MAX_SQL = 20_000;

    private final PolicyClient policy;
    private final OperationGuard guard;
    private final SandboxRunnerApi runner;
    private final QueryTemplates templates;
    private final AuditLog audit;
    private final JobWorker worker;

    public JobSubmission(PolicyClient policy, OperationGuard guard, @RestClient SandboxRunnerApi runner,
                         QueryTemplates templates, AuditLog audit, JobWorker worker) {
        this.worker = worker;
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
        List<FieldError> errors = errors(request);
        // the license is read while OPA decides on the caller; nothing of it is used, or shown, unless allowed
        Uni<Object> preparing = errors.isEmpty()
                ? Panache.withSession(() -> prepare(subject, request.licenseId())).<Object>map(ready -> ready)
                        .onFailure().recoverWithItem(failure -> failure) // a Prepared, or what prevented it
                : Uni.createFrom().nullItem();
        return Uni.combine().all()
                .unis(guard.require(subject, "job.submit", new AuthzInput.Resource("job", null, subject.organization(), null, null)),
                        preparing)
                .collectFailures() // a refusal waits for the read instead of cancelling it mid-session
                .asTuple()
                .flatMap(allowedAndPrepared -> {
                    if (!errors.isEmpty()) {
                        throw new JobProblems.InvalidJob(errors);
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
        return runner.analyse(new AnalysisRequest(sql, List.of(prepared.data())))
                .onFailure(failure -> !(failure instanceof ProblemException))
                .transform(failure -> new SandboxUnavailable(failure.getClass().getSimpleName()));
    }

    /** The admission's transaction; a start reserved in it is given back when it does not commit. */
    private Uni<SandboxJob> admitted(Subject subject, JobRequest request, String sql, Prepared prepared, Analysis analysis) {
        AtomicBoolean reserved = new AtomicBoolean();
        return Panache.withTransaction(() -> admit(subject, request, sql, prepared, analysis)
                        .flatMap(job -> startIfIdle(job, reserved)))
                .onFailure().invoke(failure -> {
                    if (reserved.getAndSet(false)) {
                        worker.unreserve();
                    }
                });
    }

    private Uni<SandboxJob> admit(Subject subject, JobRequest request, String submittedSql, Prepared prepared,
                                  Analysis analysis) {
        UUID jobId = UUID.randomUUID();
        OffsetDateTime monthStart = LocalDate.now(BUREAU_ZONE).withDayOfMonth(1).atStartOfDay(BUREAU_ZONE).toOffsetDateTime();
        return License.<License>findById(prepared.license().id, LockModeType.PESSIMISTIC_WRITE) // read afresh, FOR UPDATE
                .flatMap(license -> usage(license.id, monthStart).flatMap(usage -> {
                    List<String> columns = analysis.columnsByAlias().getOrDefault(prepared.data().alias(), List.of());
                    SandboxAdmissionInput input = input(subject, license, prepared.dataset(), columns, usage[0],
                            usage[1], request.epsilon(), jobId);
                    return policy.evaluate(POLICY, input, SandboxVerdict.class).flatMap(answer -> {
                        SandboxVerdict verdict = answer.result();
                        if (verdict.admission() == null || !verdict.admission().allow()) {
                            throw new JobProblems.AdmissionDenied(verdict.admission() == null ? List.of()
                                    : verdict.admission().reasons());
                        }
                        return repeated(license.id, analysis.sqlSha256(), monthStart, verdict.controls()).flatMap(earlier -> {
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
                            job.grade = prepared.dataset().grade.name();
                            job.controls = verdict.controls();
                            job.admissionId = answer.decisionId();
                            job.reusedFrom = earlier == null ? null : earlier.resultOwner();
                            job.epsilonCharged = earlier == null ? verdict.epsilon_charge() : 0;
                            job.moveTo(JobState.ADMITTED);
                            return job.<SandboxJob>persist();
                        });
                    });
                }))
                .call(job -> audit.record(subject.user(), "job.admit", "sandbox_job", job.id, job.organization,
                        job.admissionId, Map.of("sqlSha256", job.sqlSha256, "epsilon", job.epsilonCharged,
                                "licenseId", job.licenseId.toString(),
                                "reusedFrom", String.valueOf(job.reusedFrom))));
    }

    /**
     * Started in the admission's own transaction when this instance runs nothing (the license was
     * locked and found ACTIVE just now): the run then follows the commit without a worker's claim.
     * Otherwise the job waits ADMITTED for the worker. The caller hands a RUNNING job to
     * {@link JobWorker#runStarted} after the commit, or gives the start back if it fails.
     */
    private Uni<SandboxJob> startIfIdle(SandboxJob job, AtomicBoolean reserved) {
        if (!worker.reserveStart()) {
            return Uni.createFrom().item(job);
        }
        reserved.set(true);
        return worker.start(job);
    }

    /** Jobs admitted this month and ε charged this month (failed and cancelled jobs gave theirs back). */
    private static Uni<double[]> usage(UUID license, OffsetDateTime monthStart) {
        return Panache.getSession().flatMap(session -> session
                .createSelectionQuery("select count(j), coalesce(sum(j.epsilonCharged), 0) from SandboxJob j"
                        + " where j.licenseId = :license and j.createdAt >= :since and j.state not in (:refunded)",
                        Object[].class)
                .setParameter("license", license)
                .setParameter("since", monthStart)
                .setParameter("refunded", List.of(JobState.FAILED, JobState.CANCELLED))
                .getSingleResult())
                .map(row -> new double[] {((Number) row[0]).doubleValue(), ((Number) row[1]).doubleValue()});
    }

    /**
     * The earlier run of the same statement under the same license this month, when the grade adds
     * noise: asking again returns the same noisy answer rather than a fresh draw, so repeating a
     * query cannot average the noise away.
     */
    private static Uni<SandboxJob> repeated(UUID license, String sqlSha256, OffsetDateTime monthStart, ControlsResult controls) {
        if (controls == null || controls.noise() == null) {
            return Uni.createFrom().nullItem();
        }
        return SandboxJob.<SandboxJob>find("licenseId = ?1 and sqlSha256 = ?2 and createdAt >= ?3 and reusedFrom is null"
                        + " and state in ?4 order by createdAt",
                license, sqlSha256, monthStart,
                List.of(JobState.SUCCEEDED, JobState.AWAITING_RELEASE, JobState.RELEASED, JobState.REJECTED))
                .firstResult();
    }

    static SandboxAdmissionInput input(Subject subject, License license, Dataset dataset, List<String> columns,
                                       double calls, double epsilonSpent, Double epsilon, UUID jobId) {
        return new SandboxAdmissionInput(subject,
                new SandboxAdmissionInput.License(license.id.toString(), license.state.name(), license.organization,
                        license.mode, license.termEnd.toString(),
                        List.of(new SandboxAdmissionInput.ScopeEntry(dataset.id.toString(), license.columns.columns())),
                        null),
                new SandboxAdmissionInput.Usage((long) calls, epsilonSpent),
                new SandboxAdmissionInput.Job(jobId == null ? "analysis" : jobId.toString(),
                        List.of(new SandboxAdmissionInput.JobDataset(dataset.id.toString(), dataset.grade.name(), columns)),
                        epsilon));
    }

    private Uni<?> auditRefusal(Subject subject, JobRequest request, String sql, Throwable refusal) {
        if (refusal instanceof PolicyUnavailableException || refusal instanceof SandboxUnavailable) {
            return Uni.createFrom().voidItem();
        }
        String code = refusal instanceof SandboxRefusal sandbox ? sandbox.code()
                : refusal instanceof JobProblems.AdmissionDenied ? "admission_denied" : refusal.getClass().getSimpleName();
        return Panache.withTransaction(() -> audit.record(subject.user(), "job.refuse", "license",
                        request.licenseId(), subject.organization(), null,
                        Map.of("submittedSha256", sha256(sql), "code", code)))
                .onFailure().recoverWithNull();
    }

    static List<FieldError> errors(JobRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null) {
            return List.of(new FieldError("body", "a job needs licenseId and sql or templateId"));
        }
        if (request.licenseId() == null) {
            errors.add(new FieldError("licenseId", "is required"));
        }
        boolean hasSql = request.sql() != null && !request.sql().isBlank();
        if (hasSql == (request.templateId() != null)) {
            errors.add(new FieldError(hasSql ? "templateId" : "sql", "give either sql or templateId, not both"));
        }
        if (hasSql && request.sql().length() > MAX_SQL) {
            errors.add(new FieldError("sql", "at most " + MAX_SQL + " characters"));
        }
        if (request.epsilon() != null && !(request.epsilon() > 0 && request.epsilon() <= 100)) {
            errors.add(new FieldError("epsilon", "must be a positive number"));
        }
        return errors;
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
