package io.pdx.marketplace.sandbox;

import io.pdx.contracts.product.PriceKind;
import io.pdx.contracts.sandbox.JobState;
import io.pdx.marketplace.ledger.Charges;
import io.pdx.marketplace.licensing.License;
import io.pdx.marketplace.product.Product;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * Meters sandbox jobs at their product's price: per call once a run produced a result; per 1,000 result rows only
 * once the result is released — an invoice line priced by rows would otherwise tell the operator the row count of
 * a result nobody released. Each run is metered once.
 */
@ApplicationScoped
public class JobMetering {

    private static final Logger LOG = Logger.getLogger(JobMetering.class);

    private final Charges charges;

    public JobMetering(Charges charges) {
        this.charges = charges;
    }

    /** After a run (and its release decision): a call, or the rows of a result released at once. Never fails. */
    public Uni<Void> meterRun(UUID id) {
        return Panache.withSession(() -> SandboxJob.<SandboxJob>findById(id)
                        .flatMap(job -> priceKind(job).map(kind -> new Object[] {job, kind})))
                .flatMap(found -> {
                    SandboxJob job = (SandboxJob) found[0];
                    PriceKind kind = (PriceKind) found[1];
                    if (job.summary == null) {
                        return Uni.createFrom().voidItem();
                    }
                    return switch (kind) {
                        case PER_CALL -> charges.charge(job.licenseId, Charges.Unit.CALL, 1, JobLifecycle.PLATFORM).replaceWithVoid();
                        case PER_1000_ROWS -> job.state != JobState.RELEASED ? Uni.createFrom().voidItem()
                                : charges.charge(job.licenseId, Charges.Unit.ROWS, job.summary.rowCount(), JobLifecycle.PLATFORM)
                                        .replaceWithVoid();
                        default -> Uni.createFrom().voidItem();
                    };
                })
                .onFailure().invoke(failure -> LOG.warnf("metering job %s: %s", id, failure.getClass().getSimpleName()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** A result a reviewer released, where its product is priced by rows; in the caller's transaction. */
    public Uni<Void> meterReleased(SandboxJob job) {
        if (job.state != JobState.RELEASED || job.summary == null) {
            return Uni.createFrom().voidItem();
        }
        return priceKind(job).flatMap(kind -> kind != PriceKind.PER_1000_ROWS ? Uni.createFrom().voidItem()
                : charges.charge(job.licenseId, Charges.Unit.ROWS, job.summary.rowCount(), JobLifecycle.PLATFORM).replaceWithVoid());
    }

    private static Uni<PriceKind> priceKind(SandboxJob job) {
        return License.<License>findById(job.licenseId).flatMap(license -> Product.<Product>findById(license.productId))
                .map(product -> product.priceKind);
    }
}
