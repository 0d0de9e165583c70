package io.pdx.marketplace.catalog.registration;

import io.pdx.contracts.catalog.DatasetUsage;
import io.pdx.contracts.policy.Subject;
import io.pdx.marketplace.catalog.CatalogPolicy;
import io.pdx.marketplace.security.CurrentSubject;
import io.pdx.marketplace.security.Operation;
import io.pdx.marketplace.security.OperationGuard;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A dataset's usage for its holding department and the bureau (数据使用情况): licenses in force by organization and
 * purpose, sandbox calls and revenue per month over the last twelve, over every version of its lineage. Aggregates
 * only, computed in the database.
 */
@Path("/api/v1/datasets/{id}/usage")
@Tag(name = "registration")
@io.quarkus.security.Authenticated
public class DatasetUsageResource {

    /** Months in the bureau's calendar (as the efficiency figures). */
    static final ZoneId BUREAU = io.pdx.marketplace.time.BureauTime.ZONE;

    private final CatalogPolicy catalog;
    private final OperationGuard guard;
    private final CurrentSubject currentSubject;
    private final Pool pool;
    private final Clock clock;

    public DatasetUsageResource(CatalogPolicy catalog, OperationGuard guard, CurrentSubject currentSubject, Pool pool, Clock clock) {
        this.catalog = catalog;
        this.guard = guard;
        this.currentSubject = currentSubject;
        this.pool = pool;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @WithSession
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "getDatasetUsage", summary = "A dataset's usage / 数据使用情况",
            description = "For the holding department and the bureau: licenses in force by organization and purpose, sandbox calls and revenue credited to public finance per month (last twelve), over every version of the dataset. Aggregates only.")
    public Uni<DatasetUsage> usage(@PathParam("id") UUID id) {
        Subject subject = currentSubject.get();
        LocalDate today = LocalDate.now(clock.withZone(BUREAU));
        YearMonth first = YearMonth.from(today).minusMonths(11);
        return catalog.visibleDataset(id, subject)
                .call(dataset -> guard.require(subject, Operation.DATASET_USAGE, dataset.asResource()))
                .flatMap(dataset -> licenses(dataset.lineageId, today)
                        .flatMap(inForce -> months(dataset.lineageId, first).map(months -> new DatasetUsage(inForce, months,
                                months.stream().mapToLong(DatasetUsage.Month::revenueFen).sum()))));
    }

    private Uni<List<DatasetUsage.LicensesInForce>> licenses(UUID lineage, LocalDate today) {
        String sql = "SELECT l.organization, o.name, l.purpose_category, count(*) AS n FROM license l"
                + " JOIN dataset d ON d.id = l.dataset_id LEFT JOIN organization o ON o.uscc = l.organization"
                + " WHERE d.lineage_id = $1 AND l.state = 'ACTIVE' AND l.term_start <= $2 AND l.term_end >= $2"
                + " GROUP BY l.organization, o.name, l.purpose_category ORDER BY n DESC, l.organization, l.purpose_category";
        return pool.preparedQuery(sql).execute(Tuple.of(lineage, today)).map(rows -> {
            List<DatasetUsage.LicensesInForce> result = new ArrayList<>();
            for (Row row : rows) {
                result.add(new DatasetUsage.LicensesInForce(row.getString(0), row.getString(1), row.getString(2), row.getLong(3)));
            }
            return result;
        });
    }

    private Uni<List<DatasetUsage.Month>> months(UUID lineage, YearMonth first) {
        java.time.LocalDateTime from = first.atDay(1).atStartOfDay();
        String calls = "SELECT to_char(j.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS m, count(*) FROM sandbox_job j"
                + " JOIN dataset d ON d.id = j.dataset_id WHERE d.lineage_id = $1"
                + " AND j.created_at >= $2::timestamp AT TIME ZONE 'Asia/Shanghai' GROUP BY m";
        String revenue = "SELECT to_char(i.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS m, sum(i.amount_fen) FROM invoice_line i"
                + " JOIN product p ON p.id = i.product_id JOIN dataset d ON d.id = p.dataset_id WHERE d.lineage_id = $1"
                + " AND i.reversed_by IS NULL AND i.created_at >= $2::timestamp AT TIME ZONE 'Asia/Shanghai' GROUP BY m";
        Map<String, long[]> byMonth = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            byMonth.put(first.plusMonths(i).toString(), new long[2]);
        }
        return pool.preparedQuery(calls).execute(Tuple.of(lineage, from))
                .invoke(rows -> rows.forEach(row -> add(byMonth, row.getString(0), 0, row.getLong(1))))
                .flatMap(ignored -> pool.preparedQuery(revenue).execute(Tuple.of(lineage, from)))
                .invoke(rows -> rows.forEach(row -> add(byMonth, row.getString(0), 1, row.getLong(1))))
                .map(ignored -> byMonth.entrySet().stream()
                        .map(month -> new DatasetUsage.Month(month.getKey(), month.getValue()[0], month.getValue()[1])).toList());
    }

    private static void add(Map<String, long[]> byMonth, String month, int at, Long value) {
        long[] counts = byMonth.get(month);
        if (counts != null && value != null) {
            counts[at] += value;
        }
    }
}
