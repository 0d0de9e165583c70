package io.pdx.marketplace.sandbox;

import io.pdx.contracts.product.PriceKind;
import io.pdx.contracts.sandbox.JobState;
import io.pdx.marketplace.ledger.Charges;
import io.pdx.marketplace.licensing.License;
import io.pdx.marketplace.product.Product;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Meters sandbox jobs at their product's price once their outcome is visible to the requester (the end of the job's
 * slot), never when the run ended: an invoice line written at the run's end would tell the operator how long the run
 * took. Per call once a run produced a result; per 1,000 result rows only once the result is released — an invoice line
 * priced by rows would otherwise tell the row count of a result nobody released. Each job is metered once
 * ({@code metered_call}, {@code metered_rows}, under the job's row lock); a sweep meters what no waiter did.
 */
@ApplicationScoped
public class JobMetering {

    private static final Logger LOG = Logger.getLogger(JobMetering.class);
    /** States after which no more rows will be released. */
    static final List<JobState> SETTLED = List.of(JobState.RELEASED, JobState.REJECTED, JobState.FAILED, JobState.CANCELLED);

    private final Charges charges;
    private final Clock clock;

    public JobMetering(Charges charges, Clock clock) {
        this.charges = charges;
        this.clock = clock;
    }

    /** Meters the job if its outcome is visible and something of it is not metered yet. Never fails. */
    public Uni<Void> meterVisible(UUID id) {
        return Panache.withTransaction(() -> SandboxJob.<SandboxJob>findById(id, LockModeType.PESSIMISTIC_WRITE)
                        .flatMap(job -> job == null ? Uni.createFrom().voidItem() : meter(job, false)))
                .onFailure().invoke(failure -> LOG.warnf("metering job %s: %s", id, failure.getClass().getSimpleName()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** A result a reviewer released: metered now if its outcome is already visible, else when it becomes so. */
    public Uni<Void> meterReleased(SandboxJob job) {
        return meter(job, true);
    }

    /** Every job whose outcome became visible and is not metered yet. */
    @Scheduled(every = "${pdx.sandbox.metering-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return Panache.withSession(() -> SandboxJob.<SandboxJob>find("visibleAt <= ?1 and (meteredCall = false"
                                + " or (meteredRows = false and state in ?2)) order by visibleAt", OffsetDateTime.now(clock), SETTLED)
                        .page(0, 50).list())
                .flatMap(jobs -> jobs.isEmpty() ? Uni.createFrom().voidItem()
                        : Multi.createFrom().iterable(jobs).onItem().transformToUniAndConcatenate(job -> meterVisible(job.id))
                                .collect().last().replaceWithVoid())
                .onFailure().invoke(failure -> LOG.warnf("metering sweep: %s", failure.getClass().getSimpleName()))
                .onFailure().recoverWithNull();
    }

    /**
     * In the caller's transaction, the job locked: what became due of it. {@code inTransition}: the caller is changing the
     * job itself (a release), so its entity carries the flags too (else its flush would write the old ones back).
     */
    private Uni<Void> meter(SandboxJob job, boolean inTransition) {
        if (job.hiddenAt(OffsetDateTime.now(clock)) || JobLifecycle.moving(job.state())) {
            return Uni.createFrom().voidItem(); // nothing is due before the outcome is visible and settled
        }
        boolean call = !job.meteredCall;
        boolean rows = !job.meteredRows && SETTLED.contains(job.state());
        if (!call && !rows) {
            return Uni.createFrom().voidItem();
        }
        return priceKind(job).flatMap(kind -> {
            Uni<Void> charged = Uni.createFrom().voidItem();
            if (call && kind == PriceKind.PER_CALL && job.summary != null) {
                charged = charged.flatMap(ignored -> charge(job, Charges.Unit.CALL, 1));
            }
            if (rows && kind == PriceKind.PER_1000_ROWS && job.state() == JobState.RELEASED && job.summary != null) {
                charged = charged.flatMap(ignored -> charge(job, Charges.Unit.ROWS, job.summary.rowCount()));
            }
            // the flags by a statement, not through the entity: no version bump, so no transition of the job (a
            // reviewer's release, say) ever fails on an optimistic lock because metering touched the job
            return charged.flatMap(ignored -> Panache.getSession().flatMap(session -> session
                    .createMutationQuery(rows ? "update SandboxJob set meteredCall = true, meteredRows = true where id = :id"
                            : "update SandboxJob set meteredCall = true where id = :id")
                    .setParameter("id", job.id)
                    .executeUpdate()))
                    .invoke(() -> {
                        if (inTransition) {
                            job.meteredCall = true;
                            job.meteredRows = job.meteredRows || rows;
                        }
                    })
                    .replaceWithVoid();
        });
    }

    /** A charge; one the ledger refuses (the license is no longer ACTIVE) is logged and not retried. */
    private Uni<Void> charge(SandboxJob job, Charges.Unit unit, long quantity) {
        return charges.charge(job.licenseId, unit, quantity, JobLifecycle.PLATFORM).replaceWithVoid()
                .onFailure(Charges.ChargeRefused.class).invoke(refused -> LOG.infof("job %s not metered: %s", job.id,
                        refused.getMessage()))
                .onFailure(Charges.ChargeRefused.class).recoverWithNull();
    }

    private static Uni<PriceKind> priceKind(SandboxJob job) {
        return License.<License>findById(job.licenseId).flatMap(license -> Product.<Product>findById(license.productId))
                .map(product -> product.priceKind);
    }
}
