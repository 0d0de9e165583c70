package io.pdx.marketplace.disclosure;

import io.pdx.contracts.disclosure.DisclosureContent;
import io.pdx.marketplace.ledger.LedgerEntry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The figures of a year's disclosure, read from the licenses, the products and the ledger of that calendar year in
 * Asia/Shanghai: every authorization in force at some time in the year, every product listed (with its department's
 * consent) at some time in the year with the price it had at the year's end, and the revenue credited to public finance,
 * net of reversals — the same sum the ledger gives for the revenue account, per product and in total.
 */
@ApplicationScoped
public class DisclosureFigures {

    static final ZoneId BUREAU = io.pdx.marketplace.time.BureauTime.ZONE;

    static final String AUTHORIZATIONS = "SELECT l.organization, o.name, l.id, p.id, p.name_zh, p.name_en, d.name_zh, d.name_en,"
            + " l.purpose_category, l.mode, ARRAY(SELECT jsonb_array_elements_text(p.description -> 'scenarios')),"
            + " l.term_start, l.term_end, l.state"
            + " FROM license l JOIN product p ON p.id = l.product_id JOIN dataset d ON d.id = l.dataset_id"
            + " LEFT JOIN organization o ON o.uscc = l.organization"
            + " WHERE l.accepted_at IS NOT NULL AND l.term_start <= $2 AND l.term_end >= $1"
            + " ORDER BY coalesce(o.name, l.organization), p.name_zh, l.term_start, l.id";

    /** The price at the year's end: the last change before it, else the price before the first change, else today's. */
    static final String PRODUCTS = "SELECT p.id, p.name_zh, p.name_en, d.provider_name, p.price_kind, p.price_period,"
            + " coalesce((SELECT c.unit_price_fen FROM product_price_change c WHERE c.product_id = p.id AND c.effective_from < $2"
            + "            ORDER BY c.effective_from DESC, c.id DESC LIMIT 1),"
            + "          (SELECT c.previous_unit_price_fen FROM product_price_change c WHERE c.product_id = p.id"
            + "            ORDER BY c.effective_from, c.id LIMIT 1), p.unit_price_fen),"
            + " p.cap_fen,"
            + " (SELECT count(*) FROM product_price_change c WHERE c.product_id = p.id AND c.effective_from >= $1 AND c.effective_from < $2),"
            + " coalesce((SELECT sum(e.credit_fen - e.debit_fen) FROM ledger_entry e JOIN invoice_line i ON i.id = e.invoice_line_id"
            + "            WHERE i.product_id = p.id AND e.account = $3 AND e.created_at >= $1 AND e.created_at < $2), 0)"
            + " FROM product p JOIN dataset d ON d.id = p.dataset_id"
            + " WHERE p.consent_given_at IS NOT NULL AND p.created_at < $2 AND (p.withdrawn_at IS NULL OR p.withdrawn_at >= $1)"
            + " ORDER BY p.name_zh, p.id";

    static final String REVENUE = "SELECT coalesce(sum(credit_fen - debit_fen), 0),"
            + " count(*) FILTER (WHERE reverses_journal IS NULL AND credit_fen > 0),"
            + " count(*) FILTER (WHERE reverses_journal IS NOT NULL AND debit_fen > 0)"
            + " FROM ledger_entry WHERE account = $3 AND created_at >= $1 AND created_at < $2";

    private final Pool pool;

    public DisclosureFigures(Pool pool) {
        this.pool = pool;
    }

    public Uni<DisclosureContent> of(int year) {
        OffsetDateTime from = LocalDate.of(year, 1, 1).atStartOfDay(BUREAU).toOffsetDateTime();
        OffsetDateTime to = LocalDate.of(year + 1, 1, 1).atStartOfDay(BUREAU).toOffsetDateTime();
        Tuple period = Tuple.of(from, to, LedgerEntry.PUBLIC_FINANCE_REVENUE);
        return pool.preparedQuery(AUTHORIZATIONS).execute(Tuple.of(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)))
                .map(rows -> {
                    List<DisclosureContent.Authorization> authorizations = new ArrayList<>();
                    rows.forEach(row -> authorizations.add(authorization(row)));
                    return authorizations;
                })
                .flatMap(authorizations -> pool.preparedQuery(PRODUCTS).execute(period).map(rows -> {
                    List<DisclosureContent.ProductFees> products = new ArrayList<>();
                    rows.forEach(row -> products.add(product(row)));
                    return products;
                }).flatMap(products -> pool.preparedQuery(REVENUE).execute(period).map(rows -> {
                    Row totals = rows.iterator().next();
                    return new DisclosureContent(year, "CNY", List.copyOf(authorizations), List.copyOf(products),
                            totals.getLong(0), totals.getLong(1), totals.getLong(2));
                })));
    }

    private static DisclosureContent.Authorization authorization(Row row) {
        String[] scenarios = row.getArrayOfStrings(10);
        return new DisclosureContent.Authorization(row.getString(0), row.getString(1), row.getUUID(2), row.getUUID(3),
                row.getString(4), row.getString(5), row.getString(6), row.getString(7), row.getString(8), row.getString(9),
                scenarios == null ? List.of() : Arrays.asList(scenarios), row.getLocalDate(11), row.getLocalDate(12),
                row.getString(13));
    }

    private static DisclosureContent.ProductFees product(Row row) {
        return new DisclosureContent.ProductFees(row.getUUID(0), row.getString(1), row.getString(2), row.getString(3),
                row.getString(4), row.getString(5), row.getLong(6), row.getLong(7), row.getLong(8).intValue(), row.getLong(9));
    }
}
