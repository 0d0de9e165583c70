package io.pdx.marketplace.sandbox;

import io.pdx.contracts.sandbox.JobState;
import io.pdx.contracts.runner.SandboxDataset;
import io.pdx.marketplace.licensing.License;
import io.pdx.marketplace.lifecycle.UnitOfWork;
import io.pdx.marketplace.observability.CurrentRequestId;
import io.pdx.marketplace.sandbox.runner.RunnerFailures;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.LockMode;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The job queue, in PostgreSQL: ADMITTED jobs wait there; each marketplace-api instance claims the oldest
 * ({@code FOR UPDATE SKIP LOCKED}, so instances share the work and no job is claimed twice) and leases it while
 * it runs, renewing the lease every third of its length. A job admitted while this instance runs nothing starts
 * in its admission's transaction instead, without a claim ({@link #offer}). A RUNNING job whose lease ran out — its instance
 * stopped — is taken over by whichever instance finds it: completed from the runner's stored result, or failed
 * with its charge kept. No instance ever fails a job another one is running.
 */
@ApplicationScoped
public class JobQueue {

    private static final Logger LOG = Logger.getLogger(JobQueue.class);

    /** This process, as the owner of the leases it takes. */
    final String instance = "marketplace-api-" + UUID.randomUUID();
    private final JobWorker worker;
    private final JobLifecycle lifecycle;
    private final Vertx vertx;
    private final Duration lease;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    /** Jobs this instance is running right now, and submissions that reserved a start. */
    private final AtomicInteger running = new AtomicInteger();

    public JobQueue(JobWorker worker, JobLifecycle lifecycle, Vertx vertx,
                    @ConfigProperty(name = "pdx.sandbox.lease", defaultValue = "PT30S") Duration lease, UnitOfWork unitOfWork,
                    Clock clock) {
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.worker = worker;
        this.lifecycle = lifecycle;
        this.vertx = vertx;
        this.lease = lease;
    }

    /**
     * A handle on the offer of one job being admitted to this instance; take it before the admission's transaction
     * begins, {@link Offer#place place} the job within that transaction, and {@link Offer#rollback roll it back} when
     * the transaction did not commit.
     */
    public Offer offer() {
        return new Offer();
    }

    /**
     * One admission's offer. A job whose slot has begun starts at once, in its admission's transaction, when this
     * instance runs nothing (its license was just locked and found ACTIVE) — so that a queue still forms under load —
     * and its run follows the commit without a worker's claim; otherwise it waits ADMITTED for a claim, and the queue
     * is kicked once the admission committed (or when its slot begins). What follows the commit is registered with the
     * {@link UnitOfWork}; a start reserved by a transaction that did not commit is given back by {@link #rollback}.
     */
    public final class Offer {

        /** Whether this offer holds a start of this instance's that no run has taken over yet. */
        private boolean holdsStart;

        private Offer() {
        }

        /** In the admission's transaction: the job, started when this instance may start it now. */
        public Uni<SandboxJob> place(SandboxJob job, List<SandboxDataset> data) {
            boolean slotAhead = job.slotStart != null && job.slotStart.isAfter(OffsetDateTime.now(clock));
            Uni<SandboxJob> placed = slotAhead || !reserve() ? Uni.createFrom().item(job) : startNow(job);
            return placed.call(offered -> unitOfWork.afterCommit(() -> committed(offered, data)));
        }

        /** The admission did not commit: a start it reserved is given back. */
        public synchronized void rollback() {
            if (holdsStart) {
                holdsStart = false;
                running.decrementAndGet();
            }
        }

        /** Reserves this instance's start when it runs nothing; whether it did (a test holds one to keep the instance busy). */
        synchronized boolean reserve() {
            holdsStart = running.compareAndSet(0, 1);
            return holdsStart;
        }

        /** Committed: a run now takes over the start this offer reserved. */
        private void committed(SandboxJob job, List<SandboxDataset> data) {
            synchronized (this) {
                holdsStart = false;
            }
            admitted(job, data);
        }
    }

    /**
     * Whether this instance runs no job now: every run it started has finished, its release decided and the run
     * metered (tests wait for this instead of sleeping).
     */
    boolean idle() {
        return running.get() == 0;
    }

    /** RUNNING, leased to this instance, in the caller's transaction (its license was just locked and found ACTIVE). */
    private Uni<SandboxJob> startNow(SandboxJob job) {
        return lifecycle.start(job, instance, leaseEnd());
    }

    /**
     * After an admission committed: a job it started runs now on the licensed data the admission read (the run holds
     * the start the admission reserved); otherwise the queue is drained (this instance may claim it).
     */
    private void admitted(SandboxJob job, List<SandboxDataset> data) {
        if (job.state() == JobState.RUNNING) {
            onOwnContext(() -> worker.execute(job, data)
                    .onFailure().invoke(failure -> LOG.warnf("sandbox job %s: %s", job.id, failure.getClass().getSimpleName()))
                    .onFailure().recoverWithNull()
                    .eventually(running::decrementAndGet)
                    .flatMap(ignored -> drain()));
        } else {
            long untilSlot = job.slotStart == null ? 0 : Duration.between(OffsetDateTime.now(clock), job.slotStart).toMillis();
            if (untilSlot > 0) {
                vertx.setTimer(untilSlot, ignored -> kick()); // its slot begins then (the schedule catches it too)
            } else {
                kick();
            }
        }
    }

    /** Starts draining now, on a context of its own. */
    void kick() {
        onOwnContext(this::drain);
    }

    @Scheduled(every = "${pdx.sandbox.worker-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> onSchedule() {
        return drain();
    }

    /** Renews the leases of the jobs this instance runs. */
    @Scheduled(every = "${pdx.sandbox.lease-renewal-every:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> renewLeases() {
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> session
                        .createMutationQuery("update SandboxJob set leaseUntil = :until where leaseOwner = :me and state = :running")
                        .setParameter("until", leaseEnd())
                        .setParameter("me", instance)
                        .setParameter("running", JobState.RUNNING)
                        .executeUpdate()))
                .onFailure().invoke(failure -> LOG.warnf("lease renewal: %s", failure.getClass().getSimpleName()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Takes over the jobs whose lease ran out, runs admitted jobs and decides releases until none is left. */
    public Uni<Void> drain() {
        return recoverExpired().flatMap(ignored -> runNext()).flatMap(ignored -> worker.decidePending());
    }

    private Uni<Void> runNext() {
        return claim().flatMap(job -> {
            if (job == null) {
                return Uni.createFrom().voidItem();
            }
            Uni<Void> ran = job.state() == JobState.RUNNING
                    ? Uni.createFrom().voidItem().invoke(running::incrementAndGet)
                            .flatMap(ignored -> worker.execute(job, null))
                            .eventually(running::decrementAndGet)
                    : Uni.createFrom().voidItem(); // failed at its claim (its license not in force)
            return ran.onFailure().invoke(failure -> LOG.warnf("sandbox job %s: %s", job.id, failure.getClass().getSimpleName()))
                    .onFailure().recoverWithNull()
                    .flatMap(ignored -> runNext());
        });
    }

    /**
     * The ADMITTED job whose slot began first (never one whose slot is still ahead), now RUNNING and leased to this
     * instance — or FAILED (refunded) when its license is not in force.
     */
    private Uni<SandboxJob> claim() {
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> session
                        .createSelectionQuery("from SandboxJob where state = :state and (slotStart is null or slotStart <= :now)"
                                + " order by slotStart nulls first, createdAt", SandboxJob.class)
                        .setParameter("state", JobState.ADMITTED)
                        .setParameter("now", OffsetDateTime.now(clock))
                        .setLockMode(LockMode.UPGRADE_SKIPLOCKED) // FOR UPDATE SKIP LOCKED: instances share the queue
                        .setMaxResults(1)
                        .getSingleResultOrNull())
                .flatMap(job -> job == null ? Uni.createFrom().<SandboxJob>nullItem()
                        : License.<License>findById(job.licenseId).flatMap(license -> {
                            if (!license.inForce(clock)) {
                                return lifecycle.fail(job, RunnerFailures.problem("license_not_active", 403, "授权未处于生效状态",
                                        "The license is not in force"), "license_not_active", true); // it never ran
                            }
                            return startNow(job);
                        })));
    }

    /**
     * RUNNING jobs whose lease ran out (or that never had one: an instance older than leases), each claimed
     * {@code FOR UPDATE SKIP LOCKED} and recovered: from the runner's stored result, or FAILED keeping its charge.
     */
    public Uni<Void> recoverExpired() {
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> session
                        .createSelectionQuery("from SandboxJob where state = :running and (leaseUntil is null or leaseUntil < :now)"
                                + " order by startedAt", SandboxJob.class)
                        .setParameter("running", JobState.RUNNING)
                        .setParameter("now", OffsetDateTime.now(clock))
                        .setLockMode(LockMode.UPGRADE_SKIPLOCKED)
                        .setMaxResults(20)
                        .getResultList()
                        .invoke(expired -> expired.forEach(job -> {
                            job.leaseOwner = instance; // taken over: no other instance recovers it meanwhile
                            job.leaseUntil = leaseEnd();
                        }))))
                .flatMap(expired -> Multi.createFrom().iterable(expired)
                        .onItem().transformToUniAndConcatenate(job -> worker.recover(job)
                                .onFailure().invoke(failure -> LOG.warnf("recovering job %s: %s", job.id,
                                        failure.getClass().getSimpleName()))
                                .onFailure().recoverWithNull())
                        .collect().last())
                .replaceWithVoid();
    }

    private OffsetDateTime leaseEnd() {
        return OffsetDateTime.now(clock).plus(lease);
    }

    private void onOwnContext(java.util.function.Supplier<Uni<Void>> work) {
        Context root = VertxContext.getRootContext(vertx.getOrCreateContext());
        Context own = VertxContext.createNewDuplicatedContext(root);
        io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle.setContextSafe(own, true);
        String requestId = CurrentRequestId.get(); // the submission's: its run logs, and calls the runner, under it
        own.runOnContext(ignored -> {
            CurrentRequestId.adopt(requestId);
            work.get().subscribe().with(done -> { }, failure -> LOG.warnf(failure, "sandbox queue"));
        });
    }
}
