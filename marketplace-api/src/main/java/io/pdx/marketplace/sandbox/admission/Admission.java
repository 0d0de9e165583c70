package io.pdx.marketplace.sandbox.admission;

import io.pdx.contracts.policy.ControlsResult;
import io.pdx.contracts.policy.Subject;
import io.pdx.contracts.runner.Analysis;
import io.pdx.contracts.sandbox.JobRequest;
import io.pdx.contracts.sandbox.PrivacyCost;
import io.pdx.marketplace.licensing.License;
import io.pdx.marketplace.sandbox.JobLifecycle;
import io.pdx.marketplace.sandbox.JobQueue;
import io.pdx.marketplace.sandbox.JoinedRead;
import io.pdx.marketplace.sandbox.tables.JobTables;
import io.pdx.contracts.Grade;
import io.smallrye.mutiny.Multi;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        return admit(subject, request, submittedSql, prepared, analysis, OffsetDateTime.now(clock));
    }

    /**
     * The admitted job, its slot counted from {@code arrived} — when its submission reached the platform — so that the
     * time the submission then took (the runner's analysis, OPA, locks: all varying with the statement and the load)
     * never shifts when its requester sees the outcome.
     */
    Uni<SandboxJob> admit(Subject subject, JobRequest request, String submittedSql, Preparation.Prepared prepared,
                          Analysis analysis, OffsetDateTime arrived) {
        JobQueue.Offer offer = queue.offer();
        return Panache.withTransaction(() -> admitted(subject, request, submittedSql, prepared, analysis, arrived)
                        .flatMap(job -> offer.place(job, prepared.allData())))
                .onFailure().invoke(offer::rollback);
    }

    private Uni<SandboxJob> admitted(Subject subject, JobRequest request, String submittedSql, Preparation.Prepared prepared,
                                     Analysis analysis, OffsetDateTime arrived) {
        UUID jobId = UUID.randomUUID();
        Instant now = clock.instant();
        ControlsResult controls = analysis.controls();
        boolean noised = controls != null && controls.differentiallyPrivate() && controls.budget() != null;
        BudgetPeriod period = noised ? BudgetPeriod.containing(now, controls.budget()) : null;
        List<Preparation.Read> reads = prepared.reads();
        return lockLicenses(reads)
                .flatMap(licenses -> usages(reads, licenses, analysis.sqlSha256(), period, now)
                        .flatMap(usages -> verdicts(subject, request, reads, licenses, usages, analysis, jobId)
                                .flatMap(answers -> {
                                    PriorUsage usage = usages.get(0);
                                    PolicyAnswer<SandboxVerdict> answer = answers.get(0);
                                    SandboxJob job = newJob(jobId, subject, request, submittedSql, prepared, analysis,
                                            licenses.get(prepared.license().id), usage, answer, now);
                                    return create(job, analysis, usage, subject, answer.decisionId(), arrived)
                                            .call(created -> joinedReads(created, reads, answers, usage.earlier() != null))
                                            .call(created -> JobTables.record(created.id,
                                                    prepared.tables().stream().map(table -> table.id).toList()));
                                })));
    }

    /**
     * Every license the job reads under, read afresh {@code FOR UPDATE} in the order of their ids (two clean rooms over
     * the same licenses never wait on each other in a cycle).
     */
    private static Uni<Map<UUID, License>> lockLicenses(List<Preparation.Read> reads) {
        List<UUID> ids = reads.stream().map(read -> read.license().id).sorted().toList();
        Map<UUID, License> locked = new HashMap<>();
        return Multi.createFrom().iterable(ids)
                .onItem().transformToUniAndConcatenate(id -> License.<License>findById(id, LockModeType.PESSIMISTIC_WRITE))
                .invoke(license -> locked.put(license.id, license))
                .collect().last().replaceWith(locked);
    }

    /**
     * What was used before, per read (in the reads' order): each dataset's budget locked and read in the order of the
     * datasets' lineages, so that two clean rooms never wait on each other in a cycle.
     */
    private Uni<List<PriorUsage>> usages(List<Preparation.Read> reads, Map<UUID, License> licenses, String sqlSha256,
                                         BudgetPeriod period, Instant now) {
        List<Integer> byLineage = java.util.stream.IntStream.range(0, reads.size()).boxed()
                .sorted(java.util.Comparator.comparing(i -> Preparation.lineage(reads.get(i).dataset())))
                .toList();
        PriorUsage[] usages = new PriorUsage[reads.size()];
        return Multi.createFrom().iterable(byLineage)
                .onItem().transformToUniAndConcatenate(i -> PriorUsage.read(spending, licenses.get(reads.get(i).license().id),
                                reads.get(i).dataset().id, sqlSha256, period, now)
                        .invoke(usage -> usages[i] = usage))
                .collect().last().map(ignored -> List.of(usages));
    }

    /**
     * OPA's admission of each read, the others joined; all must admit. A job answered from an earlier result (its own
     * dataset's, {@code usages.get(0).earlier()}) is charged nothing anywhere.
     */
    private Uni<List<PolicyAnswer<SandboxVerdict>>> verdicts(Subject subject, JobRequest request, List<Preparation.Read> reads,
                                                            Map<UUID, License> licenses, List<PriorUsage> usages,
                                                            Analysis analysis, UUID jobId) {
        boolean reuses = usages.get(0).earlier() != null;
        return Multi.createFrom().range(0, reads.size())
                .onItem().transformToUniAndConcatenate(i -> {
                    Preparation.Read read = reads.get(i);
                    List<Preparation.Read> others = reads.stream().filter(other -> other != read).toList();
                    return policy.admit(subject, request.epsilon(), licenses.get(read.license().id), read, others, i > 0,
                            analysis, jobId, usages.get(i), reuses);
                })
                .collect().asList();
    }

    /** The joined datasets' reads with what each was charged, in the job's transaction. */
    private static Uni<Void> joinedReads(SandboxJob job, List<Preparation.Read> reads,
                                         List<PolicyAnswer<SandboxVerdict>> answers, boolean reused) {
        List<JoinedRead> joined = new java.util.ArrayList<>();
        for (int i = 1; i < reads.size(); i++) {
            PrivacyCost cost = reused ? PrivacyCost.NONE : answers.get(i).result().cost();
            Preparation.Read read = reads.get(i);
            joined.add(new JoinedRead(job.id, i, read.license().id, read.dataset().id, read.dataset().grade,
                    cost.epsilonMicros(), cost.deltaPicos()));
        }
        return joined.isEmpty() ? Uni.createFrom().voidItem() : JoinedRead.persist(joined);
    }

    /** The job reserves its slot from its submission's arrival, is stored and admitted (QUEUED → ADMITTED, audited). */
    private Uni<SandboxJob> create(SandboxJob job, Analysis analysis, PriorUsage usage, Subject subject, String decisionId,
                                   OffsetDateTime arrived) {
        return slots.forJob(job.organization, analysis, job.controls, usage.earlier(), arrived, OffsetDateTime.now(clock))
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
        // the strictest grade read decides the controls (就高从严): a clean room is the grade of its strictest dataset
        job.grade = verdict.controls() != null && verdict.controls().grade() != null
                ? Grade.valueOf(verdict.controls().grade()) : prepared.dataset().grade;
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
