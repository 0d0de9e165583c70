package io.pdx.marketplace.efficiency;

import io.pdx.marketplace.security.Operation;
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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 效能评估: the figures a bureau reports — how many applications were approved at once (秒批),
 * how long decisions take (median and p90), how many reviews are past their SLA (hours from the
 * policy data), and calls and revenue per month. Computed by PostgreSQL over the whole record.
 */
@Path("/api/v1/efficiency")
@Produces(MediaType.APPLICATION_JSON)
public class EfficiencyResource {

    static final String REVIEW_SLA = "pdx/config/license/review_sla_hours";

    private final Pool pool;
    private final PolicyClient policy;
    private final OperationGuard guard;
    private final CurrentSubject currentSubject;

    public EfficiencyResource(Pool pool, PolicyClient policy, OperationGuard guard, CurrentSubject currentSubject) {
        this.pool = pool;
        this.policy = policy;
        this.guard = guard;
        this.currentSubject = currentSubject;
    }

    @GET
    public Uni<Map<String, Object>> figures() {
        return guard.require(currentSubject.get(), Operation.EFFICIENCY_READ,
                        new AuthzInput.Resource("efficiency", null, null, null, null))
                .flatMap(allowed -> policy.evaluate(REVIEW_SLA, Map.of(), Integer.class))
                .flatMap(sla -> decisions(sla.result()).flatMap(figures -> monthly().map(months -> {
                    figures.put("reviewSlaHours", sla.result());
                    figures.put("months", months);
                    return figures;
                })));
    }

    private Uni<Map<String, Object>> decisions(int slaHours) {
        String sql = "SELECT count(*) AS applications,"
                + " count(*) FILTER (WHERE decision_outcome = 'AUTO_APPROVE') AS auto_approved,"
                + " count(*) FILTER (WHERE decided_at IS NOT NULL) AS decided,"
                + " coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY greatest(0, extract(epoch FROM decided_at - created_at)))"
                + "   FILTER (WHERE decided_at IS NOT NULL), 0) AS median_seconds,"
                + " coalesce(percentile_cont(0.9) WITHIN GROUP (ORDER BY greatest(0, extract(epoch FROM decided_at - created_at)))"
                + "   FILTER (WHERE decided_at IS NOT NULL), 0) AS p90_seconds,"
                + " count(*) FILTER (WHERE state = 'IN_REVIEW') AS in_review,"
                + " count(*) FILTER (WHERE state = 'IN_REVIEW' AND created_at < now() - make_interval(hours => $1)) AS past_sla"
                + " FROM license";
        return pool.preparedQuery(sql).execute(Tuple.of(slaHours)).map(rows -> {
            Row row = rows.iterator().next();
            long applications = row.getLong("applications");
            long auto = row.getLong("auto_approved");
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("applications", applications);
            figures.put("autoApproved", auto);
            figures.put("autoApprovedShare", applications == 0 ? 0.0 : (double) auto / applications);
            figures.put("decided", row.getLong("decided"));
            figures.put("medianSecondsToDecision", row.getDouble("median_seconds"));
            figures.put("p90SecondsToDecision", row.getDouble("p90_seconds"));
            figures.put("inReview", row.getLong("in_review"));
            figures.put("reviewsPastSla", row.getLong("past_sla"));
            return figures;
        });
    }

    private Uni<List<Map<String, Object>>> monthly() {
        String sql = "SELECT to_char(date_trunc('month', created_at AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM') AS month,"
                + " coalesce(sum(quantity) FILTER (WHERE unit = 'CALL'), 0) AS calls,"
                + " coalesce(sum(amount_fen) FILTER (WHERE reversed_by IS NULL), 0) AS revenue_fen"
                + " FROM invoice_line GROUP BY 1 ORDER BY 1";
        return pool.query(sql).execute().map(rows -> {
            List<Map<String, Object>> months = new ArrayList<>();
            rows.forEach(row -> months.add(Map.of("month", row.getString("month"), "calls", row.getLong("calls"),
                    "revenueFen", row.getLong("revenue_fen"))));
            return months;
        });
    }
}
