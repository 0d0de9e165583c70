package io.pdx.marketplace.efficiency;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.pdx.contracts.efficiency.EfficiencyFigures;
import io.pdx.marketplace.satisfaction.SatisfactionFigures;
import io.pdx.marketplace.security.Operation;
import io.pdx.marketplace.audit.AuditAction;
import io.pdx.contracts.policy.AuthzInput;
import io.pdx.marketplace.security.CurrentSubject;
import io.pdx.marketplace.security.OperationGuard;
import io.pdx.policy.client.PolicyClient;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * 效能评估: the figures a bureau reports — how many applications were approved at once (秒批),
 * how long decisions take (median and p90), how many reviews are past their SLA (hours from the
 * policy data), and calls, revenue and open-data downloads (开放数据下载, from the audit trail) per month, and the
 * 好差评 figures (ratings per level, cases open, answered on time or late, overdue now). Computed by PostgreSQL over the whole record.
 */
@Path("/api/v1/efficiency")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "efficiency")
// only authenticated callers: 401 before any lookup or validation (an anonymous caller is never told 404 or 400)
@io.quarkus.security.Authenticated
public class EfficiencyResource {

    static final String REVIEW_SLA = "pdx/config/license/review_sla_hours";

    private final Pool pool;
    private final PolicyClient policy;
    private final OperationGuard guard;
    private final CurrentSubject currentSubject;
    private final Clock clock;
    private final SatisfactionFigures satisfaction;

    public EfficiencyResource(Pool pool, PolicyClient policy, OperationGuard guard, CurrentSubject currentSubject, Clock clock,
                              SatisfactionFigures satisfaction) {
        this.pool = pool;
        this.satisfaction = satisfaction;
        this.clock = clock;
        this.policy = policy;
        this.guard = guard;
        this.currentSubject = currentSubject;
    }

    @GET
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "getEfficiency", summary = "Efficiency figures / 效能指标", description = "秒批 share, time to decision (median, p90), reviews past their SLA, calls, revenue and open-data downloads per month, and satisfaction (好差评): ratings per level, cases open, answered on time, answered late, overdue now.")
    public Uni<EfficiencyFigures> figures() {
        return guard.require(currentSubject.get(), Operation.EFFICIENCY_READ,
                        new AuthzInput.Resource("efficiency", null, null, null, null))
                .flatMap(allowed -> policy.evaluate(REVIEW_SLA, Map.of(), Integer.class))
                .flatMap(sla -> decisions(sla.result()).flatMap(figures -> monthly()
                        .map(months -> figures.withMonths(sla.result(), months))))
                .flatMap(figures -> satisfaction.summary().map(figures::withSatisfaction));
    }

    private Uni<EfficiencyFigures> decisions(int slaHours) {
        String sql = "SELECT count(*) AS applications,"
                + " count(*) FILTER (WHERE decision_outcome = 'AUTO_APPROVE') AS auto_approved,"
                + " count(*) FILTER (WHERE decided_at IS NOT NULL) AS decided,"
                + " coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY greatest(0, extract(epoch FROM decided_at - created_at)))"
                + "   FILTER (WHERE decided_at IS NOT NULL), 0) AS median_seconds,"
                + " coalesce(percentile_cont(0.9) WITHIN GROUP (ORDER BY greatest(0, extract(epoch FROM decided_at - created_at)))"
                + "   FILTER (WHERE decided_at IS NOT NULL), 0) AS p90_seconds,"
                + " count(*) FILTER (WHERE state = 'IN_REVIEW') AS in_review,"
                + " count(*) FILTER (WHERE state = 'IN_REVIEW' AND created_at < $2::timestamptz - make_interval(hours => $1)) AS past_sla"
                + " FROM license";
        return pool.preparedQuery(sql).execute(Tuple.of(slaHours, OffsetDateTime.now(clock))).map(rows -> {
            Row row = rows.iterator().next();
            long applications = row.getLong("applications");
            long auto = row.getLong("auto_approved");
            return new EfficiencyFigures(applications, auto, applications == 0 ? 0.0 : (double) auto / applications,
                    row.getLong("decided"), row.getDouble("median_seconds"), row.getDouble("p90_seconds"), row.getLong("in_review"),
                    row.getLong("past_sla"), slaHours, List.of(), null);
        });
    }

    private Uni<List<EfficiencyFigures.Month>> monthly() {
        String sql = "WITH billed AS (SELECT to_char(date_trunc('month', created_at AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM') AS month,"
                + " coalesce(sum(quantity) FILTER (WHERE unit = 'CALL'), 0) AS calls,"
                + " coalesce(sum(amount_fen) FILTER (WHERE reversed_by IS NULL), 0) AS revenue_fen"
                + " FROM invoice_line GROUP BY 1),"
                + " downloads AS (SELECT to_char(date_trunc('month', at AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM') AS month,"
                + " count(*) AS open_data_downloads FROM audit_event WHERE action = $1 GROUP BY 1)"
                + " SELECT month, coalesce(calls, 0) AS calls, coalesce(revenue_fen, 0) AS revenue_fen,"
                + " coalesce(open_data_downloads, 0) AS open_data_downloads"
                + " FROM billed FULL JOIN downloads USING (month) ORDER BY 1";
        return pool.preparedQuery(sql).execute(Tuple.of(AuditAction.OPEN_DATA_DOWNLOAD.action())).map(rows -> {
            List<EfficiencyFigures.Month> months = new ArrayList<>();
            rows.forEach(row -> months.add(new EfficiencyFigures.Month(row.getString("month"), row.getLong("calls"),
                    row.getLong("revenue_fen"), row.getLong("open_data_downloads"))));
            return months;
        });
    }
}
