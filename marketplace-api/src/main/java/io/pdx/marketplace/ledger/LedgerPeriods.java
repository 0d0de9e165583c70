package io.pdx.marketplace.ledger;

import io.pdx.marketplace.audit.AuditAction;
import io.pdx.marketplace.audit.AuditLog;
import io.pdx.marketplace.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Closes a month of the ledger that is over (结账): under the month's exclusive lock (postings hold it shared, so none is
 * half-counted), its entries are counted, summed and fingerprinted, and the figures kept; from then on the database
 * refuses any posting dated in that month — a correction is a journal in an open month. Audited as {@code ledger.close}.
 */
@ApplicationScoped
public class LedgerPeriods {

    static final String LOCK = "select 1 from (select pg_advisory_xact_lock(hashtext(:key)::bigint)) locked";

    private final AuditLog audit;
    private final Clock clock;

    public LedgerPeriods(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    Uni<LedgerPeriod> close(YearMonth month, String actor) {
        if (!month.isBefore(YearMonth.now(clock.withZone(Charges.BUREAU)))) {
            throw new PeriodNotOver(month);
        }
        OffsetDateTime from = month.atDay(1).atStartOfDay(Charges.BUREAU).toOffsetDateTime();
        OffsetDateTime to = month.plusMonths(1).atDay(1).atStartOfDay(Charges.BUREAU).toOffsetDateTime();
        return Panache.withTransaction(() -> Panache.getSession()
                .flatMap(session -> session.createNativeQuery(LOCK, Integer.class).setParameter("key", "ledger_period:" + month)
                        .getSingleResult())
                .flatMap(locked -> LedgerPeriod.<LedgerPeriod>findById(month.toString()))
                .flatMap(found -> {
                    if (found != null) {
                        throw new PeriodClosed(month);
                    }
                    return LedgerEntry.<LedgerEntry>list("createdAt >= ?1 and createdAt < ?2 order by seq", from, to);
                })
                .flatMap(entries -> {
                    LedgerPeriod period = figures(month, entries);
                    period.closedAt = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
                    period.closedBy = actor;
                    return period.<LedgerPeriod>persist()
                            .call(kept -> audit.record(actor, AuditAction.LEDGER_CLOSE, "ledger_period", kept.period, null, null,
                                    Map.of("entries", kept.entries, "debitFen", kept.debitFen, "creditFen", kept.creditFen,
                                            "revenueFen", kept.revenueFen, "digest", kept.digest)));
                }));
    }

    /** The month's figures: count, debits, credits, public-finance revenue and the fingerprint of its entries in order. */
    static LedgerPeriod figures(YearMonth month, List<LedgerEntry> entries) {
        LedgerPeriod period = new LedgerPeriod();
        period.period = month.toString();
        MessageDigest sha256 = sha256();
        for (LedgerEntry entry : entries) {
            period.entries++;
            period.debitFen = Math.addExact(period.debitFen, entry.debitFen);
            period.creditFen = Math.addExact(period.creditFen, entry.creditFen);
            if (LedgerEntry.PUBLIC_FINANCE_REVENUE.equals(entry.account)) {
                period.revenueFen = Math.addExact(period.revenueFen, entry.creditFen - entry.debitFen);
            }
            sha256.update((entry.seq + "|" + entry.journalId + "|" + entry.account + "|" + entry.debitFen + "|" + entry.creditFen + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        period.digest = HexFormat.of().formatHex(sha256.digest());
        return period;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** A month not over yet is not closed: 409. */
    static final class PeriodNotOver extends ProblemException {
        PeriodNotOver(YearMonth month) {
            super(409, "period-not-over", "Period not over / 期间尚未结束", "The ledger's month " + month + " is closed once it is over.");
        }
    }

    /** Closed already (a close is never undone): 409. */
    static final class PeriodClosed extends ProblemException {
        PeriodClosed(YearMonth month) {
            super(409, "period-closed", "Period closed / 期间已结账", "The ledger's month " + month + " is closed already; a close is final.");
        }
    }
}
