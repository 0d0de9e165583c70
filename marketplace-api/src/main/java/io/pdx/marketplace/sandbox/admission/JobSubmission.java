package io.pdx.marketplace.sandbox.admission;

import io.pdx.contracts.policy.AuthzInput;
import io.pdx.contracts.policy.Subject;
import io.pdx.contracts.runner.AnalysisRequest;
import io.pdx.contracts.runner.SandboxDataset;
import io.pdx.contracts.sandbox.JobRequest;
import io.pdx.marketplace.problem.FieldCheck;
import io.pdx.marketplace.problem.ProblemException;
import io.pdx.marketplace.sandbox.JobProblems;
import io.pdx.marketplace.sandbox.QueryTemplates;
import io.pdx.marketplace.sandbox.SandboxJob;
import io.pdx.marketplace.sandbox.runner.SandboxRunner;
import io.pdx.marketplace.security.Operation;
import io.pdx.marketplace.security.OperationGuard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Submission of a sandbox job: the request is checked against its schema ({@link JobRequestCheck}); the licenses are
 * read ({@link Preparation}: the job's, and in a clean room the ones it joins) while OPA decides whether the caller
 * may submit at all; the statement (or a filled
 * template) is checked by sandbox-runner's static analysis against the licensed columns and the grade's controls; then
 * the {@link Admission} admits it in one transaction. A refusal at any step answers problem+json, is audited with the
 * statement's hash ({@link RefusalAudit}), and changes nothing else. The same noisy statement asked again in the
 * period is answered from the earlier result, at no cost.
 */
@ApplicationScoped
public class JobSubmission {

    private final OperationGuard guard;
    private final SandboxRunner runner;
    private final QueryTemplates templates;
    private final Admission admission;
    private final RefusalAudit refusals;
    private final java.time.Clock clock;

    JobSubmission(OperationGuard guard, SandboxRunner runner, QueryTemplates templates, Admission admission,
                  RefusalAudit refusals, java.time.Clock clock) {
        this.clock = clock;
        this.guard = guard;
        this.runner = runner;
        this.templates = templates;
        this.admission = admission;
        this.refusals = refusals;
    }

    /** An admitted job (RUNNING when it started in its admission) with the licensed data it runs on, its own first. */
    public record Admitted(SandboxJob job, List<SandboxDataset> data) {
    }

    public Uni<Admitted> submit(Subject subject, JobRequest request) {
        // the slot counts from here: nothing the submission then takes (analysis, OPA, locks) moves the outcome's time
        java.time.OffsetDateTime arrived = java.time.OffsetDateTime.now(clock);
        FieldCheck check = JobRequestCheck.of(request);
        Uni<?> allowed = guard.require(subject, Operation.JOB_SUBMIT,
                new AuthzInput.Resource("job", null, subject.organization(), null, null));
        if (!check.errors().isEmpty()) {
            return allowed.flatMap(ignored -> Uni.createFrom().failure(new JobProblems.InvalidJob(check)));
        }
        // the license is read while OPA decides on the caller; nothing of it is used, or shown, unless allowed
        return Uni.combine().all().unis(allowed, Preparation.read(subject, request.licenseIds(), request.tableIds()))
                .collectFailures() // a refusal waits for the read instead of cancelling it mid-session
                .asTuple()
                .flatMap(allowedAndPrepared -> {
                    String sql = request.templateId() != null ? templates.fill(request.templateId(), request.params()) : request.sql();
                    return allowedAndPrepared.getItem2().orFailure()
                            .flatMap(prepared -> runner.analyse(new AnalysisRequest(sql, prepared.allData()))
                                    .flatMap(analysis -> admission.admit(subject, request, sql, prepared, analysis, arrived))
                                    .map(job -> new Admitted(job, prepared.allData())))
                            .onFailure(refusal -> refusal instanceof ProblemException && !(refusal instanceof JobProblems.InvalidJob))
                            .call(refusal -> refusals.record(subject, request, sql, refusal));
                });
    }
}
