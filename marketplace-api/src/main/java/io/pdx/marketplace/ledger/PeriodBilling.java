package io.pdx.marketplace.ledger;

import io.pdx.contracts.licensing.LicenseState;
import io.pdx.contracts.product.PriceKind;
import io.pdx.marketplace.licensing.License;
import io.pdx.marketplace.licensing.LicenseExpiry;
import io.pdx.marketplace.product.Product;
import io.pdx.policy.client.PolicyClient;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Bills PER_PERIOD prices (发改价格〔2025〕65号): every ACTIVE license of a product priced per month, quarter or year gets
 * one invoice line per period begun since it came into force ({@link BillingPeriods}), posted to the ledger like any
 * charge. Runs on a schedule ({@code pdx.ledger.period-billing-every}); each license is billed in a transaction of its
 * own under an advisory lock on it, so that two instances, or two runs, never bill a period twice (a unique index on
 * license and period stands behind the lock).
 */
@ApplicationScoped
public class PeriodBilling {

    static final String ACTOR = "pdx-billing";
    /* HQL, not native SQL (Hibernate 7.2 caches a new plan per execution of a native query). */
    static final String LOCK = "select cast(function('pg_advisory_xact_lock', :key) as String)";
    static final String DUE = "select l from License l, Product p where p.id = l.productId and p.priceKind = :kind"
            + " and l.state = :active";
    static final String BILLED = "select i.billingPeriod from InvoiceLine i where i.licenseId = :license and i.billingPeriod is not null";
    /** Keeps the billing locks apart from the other advisory locks of the platform. */
    private static final long LOCK_SPACE = 0x5044_5842_494CL; // "PDXBIL"

    private static final Logger LOG = Logger.getLogger(PeriodBilling.class);

    private final Charges charges;
    private final PolicyClient policy;
    private final Clock clock;

    public PeriodBilling(Charges charges, PolicyClient policy, Clock clock) {
        this.charges = charges;
        this.policy = policy;
        this.clock = clock;
    }

    @Scheduled(every = "${pdx.ledger.period-billing-every:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> onSchedule() {
        return billDue().invoke(count -> {
            if (count > 0) {
                LOG.infof("%d period(s) billed", count);
            }
        }).replaceWithVoid();
    }

    /** Bills every period due of every ACTIVE license priced per period; returns how many lines it wrote. */
    public Uni<Integer> billDue() {
        return charges.terms().flatMap(terms -> Panache.withSession(() ->
                        License.<License>find(DUE, Map.of("kind", PriceKind.PER_PERIOD, "active", LicenseState.ACTIVE)).list())
                .flatMap(licenses -> Multi.createFrom().iterable(licenses)
                        .onItem().transformToUniAndConcatenate(license -> bill(license.id, terms)
                                .onFailure().recoverWithItem(failure -> {
                                    // one license's failure (a lost connection) leaves the others billed; the next run retries it
                                    LOG.warnf("billing license %s failed: %s", license.id, failure.getClass().getSimpleName());
                                    return 0;
                                }))
                        .collect().asList())
                .map(counts -> counts.stream().mapToInt(Integer::intValue).sum()));
    }

    /** One license's due periods, in one transaction under its lock (re-read under the lock: it may have changed). */
    Uni<Integer> bill(UUID licenseId, Charges.Terms terms) {
        return Panache.withTransaction(() -> Panache.getSession()
                .flatMap(session -> session.createSelectionQuery(LOCK, String.class)
                        .setParameter("key", LOCK_SPACE ^ licenseId.getMostSignificantBits()).getSingleResult())
                .flatMap(locked -> License.<License>findById(licenseId))
                .flatMap(license -> license == null || license.state() != LicenseState.ACTIVE ? Uni.createFrom().item(0)
                        : Product.<Product>findById(license.productId).flatMap(product -> billed(licenseId)
                        .flatMap(done -> {
                            List<BillingPeriods.Period> due = product.priceKind != PriceKind.PER_PERIOD || product.pricePeriod == null
                                    ? List.of() : BillingPeriods.due(product.pricePeriod, inForceFrom(license), license.termEnd, today())
                                    .stream().filter(period -> !done.contains(period.label())).toList();
                            return Multi.createFrom().iterable(due)
                                    .onItem().transformToUniAndConcatenate(period ->
                                            charges.chargePeriod(license, product, period.label(), terms, ACTOR))
                                    .collect().asList().map(List::size);
                        }))));
    }

    private static Uni<Set<String>> billed(UUID licenseId) {
        return Panache.getSession().flatMap(session -> session.createSelectionQuery(BILLED, String.class)
                .setParameter("license", licenseId).getResultList()).map(HashSet::new);
    }

    /** From the later of the term's first day and the day the operator accepted (the license came into force). */
    private static LocalDate inForceFrom(License license) {
        LocalDate accepted = license.acceptedAt == null ? license.termStart
                : license.acceptedAt.atZoneSameInstant(LicenseExpiry.BUREAU_ZONE).toLocalDate();
        return accepted.isAfter(license.termStart) ? accepted : license.termStart;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(LicenseExpiry.BUREAU_ZONE));
    }
}
