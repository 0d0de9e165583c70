package io.pdx.marketplace.satisfaction;

import io.pdx.contracts.satisfaction.SatisfactionLevel;
import io.pdx.contracts.satisfaction.SatisfactionSummary;
import io.pdx.contracts.satisfaction.ServiceEventKind;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 好差评 aggregates, counted by PostgreSQL: ratings per level, overall and per kind of event, and the cases open,
 * answered on time, answered late and overdue now (at the {@link Clock}'s time). Counts only — no comment, text or
 * person ever leaves here; the public summary and the efficiency figures both read them.
 */
@ApplicationScoped
public class SatisfactionFigures {

    static final String LEVELS = "SELECT event_kind, level, count(*) AS n FROM rating GROUP BY event_kind, level";
    static final String CASES = "SELECT count(*) AS opened,"
            + " count(*) FILTER (WHERE status = 'OPEN') AS open,"
            + " count(*) FILTER (WHERE status = 'ANSWERED' AND answered_at < overdue_after) AS on_time,"
            + " count(*) FILTER (WHERE status = 'ANSWERED' AND answered_at >= overdue_after) AS late,"
            + " count(*) FILTER (WHERE status = 'OPEN' AND overdue_after <= $1) AS overdue_now"
            + " FROM satisfaction_case";

    private final Pool pool;
    private final Clock clock;

    public SatisfactionFigures(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    public Uni<SatisfactionSummary> summary() {
        return pool.query(LEVELS).execute().flatMap(levelRows -> pool.preparedQuery(CASES)
                .execute(Tuple.of(OffsetDateTime.now(clock))).map(caseRows -> {
                    Map<ServiceEventKind, Map<SatisfactionLevel, Long>> byKind = new EnumMap<>(ServiceEventKind.class);
                    for (ServiceEventKind kind : ServiceEventKind.values()) {
                        byKind.put(kind, zero());
                    }
                    for (Row row : levelRows) {
                        byKind.get(ServiceEventKind.valueOf(row.getString("event_kind")))
                                .merge(SatisfactionLevel.valueOf(row.getString("level")), row.getLong("n"), Long::sum);
                    }
                    Map<SatisfactionLevel, Long> overall = zero();
                    List<SatisfactionSummary.EventKindCounts> kinds = new ArrayList<>();
                    byKind.forEach((kind, levels) -> {
                        levels.forEach((level, n) -> overall.merge(level, n, Long::sum));
                        kinds.add(new SatisfactionSummary.EventKindCounts(kind, total(levels), levels));
                    });
                    Row cases = caseRows.iterator().next();
                    return new SatisfactionSummary(total(overall), overall, kinds, new SatisfactionSummary.CaseCounts(
                            cases.getLong("opened"), cases.getLong("open"), cases.getLong("on_time"), cases.getLong("late"),
                            cases.getLong("overdue_now")));
                }));
    }

    private static Map<SatisfactionLevel, Long> zero() {
        Map<SatisfactionLevel, Long> levels = new LinkedHashMap<>();
        for (SatisfactionLevel level : SatisfactionLevel.values()) {
            levels.put(level, 0L);
        }
        return levels;
    }

    private static long total(Map<SatisfactionLevel, Long> levels) {
        return levels.values().stream().mapToLong(Long::longValue).sum();
    }
}
