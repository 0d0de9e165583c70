package io.pdx.marketplace.sandbox.admission;

import io.pdx.contracts.policy.ControlsResult;
import io.pdx.contracts.policy.Subject;
import io.pdx.contracts.runner.Analysis;
import io.pdx.contracts.sandbox.JobRequest;
import io.pdx.contracts.sandbox.PrivacyCost;
import io.pdx.marketplace.licensing.License;
import io.pdx.marketplace.sandbox.JobLifecycle;
import io.pdx.marketplace.sandbox.JobQueue;
import io.pdx.marketplace.sandbox.SandboxJob;
import io.pdx.policy.client.PolicyAnswer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The admission's transaction: under a lock on the license row (read afresh, {@code FOR UPDATE}) and, for a grade
 * with noise, one on the (organization, dataset, period) budget, OPA admits the job with the usage so far
 * ({@link PriorUsage}, {@link AdmissionPolicy}); the job is created ADMITTED with its charge and its slot, and offered
 * to the {@link JobQueue} — which may start it in this very transaction and runs it, or kicks the queue, once it
 * committed. A start reserved here is given back when the transaction does not commit.
 */
@ApplicationScoped
class Admission {

    private final AdmissionPolicy policy;
    private final PrivacySpending spending;
    private final JobSlots slots;
    private final JobLifecycle lifecycle;
    private final JobQueue queue;
    private final Clock clock;

    Admission(AdmissionPolicy policy, PrivacySpending spending, JobSlots slots, JobLifecycle lifecycle, JobQueue queue,
              Clock clock) {
        this.policy = policy;
        this.spending = spending;
        this.slots = slots;
        this.lifecycle = lifecycle;
        this.queue = queue;
        this.clock = clock;
    }

    /** The admitted job: ADMITTED, or RUNNING when it started in its admission. */
    Uni<SandboxJob> admit(Subject subject, JobRequest request, String submittedSql, Preparation.Prepared prepared,
                          Analysis analysis) {
        JobQueue.Offer offer = queue.offer();
        return Panache.withTransaction(() -> admitted(subject, request, submittedSql, prepared, analysis)
                        .flatMap(job -> offer.place(job, prepared.data())))
                .onFailure().invoke(offer::rollback);
    }

    private Uni<SandboxJob> admitted(Subject subject, JobRequest request, String submittedSql, Preparation.Prepared prepared,
                                     Analysis analysis) {
        UUID jobId = UUID.randomUUID();
        Instant now = clock.instant();
        ControlsResult controls = analysis.controls();
        boolean noised = controls != null && controls.differentiallyPrivate() && controls.budget() != null;
        BudgetPeriod period = noised ? BudgetPeriod.containing(now, controls.budget()) : null;
        return License.<License>findById(prepared.license().id, LockModeType.PESSIMISTIC_WRITE) // read afresh, FOR UPDATE
                .flatMap(license -> PriorUsage.read(spending, license, prepared.dataset().id, analysis.sqlSha256(), period, now)
                        .flatMap(usage -> policy.admit(subject, request.epsilon(), license, prepared, analysis, jobId, usage)
                                .flatMap(answer -> create(newJob(jobId, subject, request, submittedSql, prepared, analysis,
                                        license, usage, answer, now), analysis, usage, subject, answer.decisionId()))));
    }

    /** The job reserves its slot, is stored and admitted (QUEUED → ADMITTED, audited with OPA's decision). */
    private Uni<SandboxJob> create(SandboxJob job, Analysis analysis, PriorUsage usage, Subject subject, String decisionId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return slots.forJob(job.organization, analysis, job.controls, usage.earlier(), now)
                .flatMap(slot -> {
                    job.slotStart = slot.start();
                    job.visibleAt = slot.end();
                    return job.<SandboxJob>persist();
                })
                .flatMap(queued -> lifecycle.admit(queued, subject, decisionId));
    }

    private static SandboxJob newJob(UUID id, Subject subject, JobRequest request, String submittedSql,
                                     Preparation.Prepared prepared, Analysis analysis, License license, PriorUsage usage,
                                     PolicyAnswer<SandboxVerdict> answer, Instant admittedAt) {
        SandboxVerdict verdict = answer.result();
        SandboxJob earlier = usage.earlier();
        SandboxJob job = new SandboxJob();
        job.id = id;
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
        job.createdAt = OffsetDateTime.ofInstant(admittedAt, PriorUsage.BUREAU_ZONE);
        return job;
    }
}
