package io.pdx.marketplace.efficiency;

import io.pdx.contracts.efficiency.DeadlineUnit;
import io.pdx.contracts.efficiency.DecisionDeadline;
import io.pdx.contracts.efficiency.DecisionFigures;
import io.pdx.contracts.efficiency.DecisionKind;
import io.pdx.marketplace.calendar.PolicyCalendar;
import io.pdx.marketplace.calendar.WorkingDays;
import io.pdx.policy.client.PolicyClient;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Counts decisions against their deadlines in PostgreSQL: every kind's matters decided in the months asked for, or
 * begun in them and open now, with the moment each becomes overdue — hours after it began (SQL), a 好差评 case's own
 * kept moment, or for working days the moment {@link WorkingDays#overdueAfter} gives for the day it began, computed
 * here for each day from the first beginning counted to the last and joined in by the database (the calendar has one
 * implementation, in Java). Grouped per kind, month and department, and per kind and month for all departments.
 */
@ApplicationScoped
public class DecisionCounts {

    /**
     * The matters, one row each: kind, providing department, began, decided (null while open), decided at once by the
     * policy, and the moment it is overdue where the row keeps it. $1, $2: the range's first moment and the one after.
     */
    static final String ITEMS = """
            SELECT 'LICENSE' AS kind, d.provider AS department, l.created_at AS started_at, l.decided_at,
                   coalesce(l.decision_outcome IN ('AUTO_APPROVE', 'DENY'), false) AS automatic, NULL::timestamptz AS overdue_after
              FROM license l JOIN dataset d ON d.id = l.dataset_id
             WHERE (l.decided_at >= $1 AND l.decided_at < $2)
                OR (l.decided_at IS NULL AND l.state IN ('APPLIED', 'IN_REVIEW') AND l.created_at >= $1 AND l.created_at < $2)
            UNION ALL
            SELECT 'REGISTRATION_REVIEW', d.provider, d.review_started_at, d.review_decided_at, false, NULL
              FROM dataset d
             WHERE d.review_started_at IS NOT NULL AND ((d.review_decided_at >= $1 AND d.review_decided_at < $2)
                OR (d.review_decided_at IS NULL AND d.status = 'SUBMITTED' AND d.review_started_at >= $1 AND d.review_started_at < $2))
            UNION ALL
            SELECT 'REGISTRATION', d.provider, d.submitted_at, d.registered_at, false, NULL
              FROM dataset d
             WHERE d.submitted_at IS NOT NULL AND ((d.registered_at >= $1 AND d.registered_at < $2)
                OR (d.registered_at IS NULL AND d.status IN ('SUBMITTED', 'PUBLICITY') AND d.submitted_at >= $1 AND d.submitted_at < $2))
            UNION ALL
            SELECT 'RESULT_RELEASE', d.provider, j.finished_at, j.release_decided_at,
                   j.reviewed_by IS NULL OR j.reviewed_by = 'policy', NULL
              FROM sandbox_job j JOIN dataset d ON d.id = j.dataset_id
             WHERE j.finished_at IS NOT NULL AND ((j.release_decided_at >= $1 AND j.release_decided_at < $2)
                OR (j.release_decided_at IS NULL AND j.state = 'AWAITING_RELEASE' AND j.finished_at >= $1 AND j.finished_at < $2))
            UNION ALL
            SELECT 'SATISFACTION_CASE', coalesce(c.department, ld.provider, jd.provider, rd.provider), c.created_at, c.answered_at,
                   false, c.overdue_after
              FROM satisfaction_case c
              LEFT JOIN license l ON c.event_kind = 'LICENSE_DECISION' AND l.id = c.event_id
              LEFT JOIN dataset ld ON ld.id = l.dataset_id
              LEFT JOIN sandbox_job j ON c.event_kind = 'RESULT_RELEASE' AND j.id = c.event_id
              LEFT JOIN dataset jd ON jd.id = j.dataset_id
              LEFT JOIN dataset rd ON c.event_kind = 'REGISTRATION' AND rd.id = c.event_id
             WHERE (c.answered_at >= $1 AND c.answered_at < $2)
                OR (c.status = 'OPEN' AND c.created_at >= $1 AND c.created_at < $2)
            UNION ALL
            SELECT 'OBJECTION', d.provider, o.created_at, o.answered_at, false, NULL
              FROM registration_objection o JOIN dataset d ON d.id = o.dataset_id
             WHERE (o.answered_at >= $1 AND o.answered_at < $2)
                OR (o.answered_at IS NULL AND o.status IN ('OPEN', 'UPHOLD_PROPOSED') AND o.created_at >= $1 AND o.created_at < $2)
            """;

    /** The first and last days (Asia/Shanghai) the matters counted began: the span of the working-day deadlines. $3: department. */
    static final String SPAN = "SELECT min((started_at AT TIME ZONE 'Asia/Shanghai')::date) AS first_day,"
            + " max((started_at AT TIME ZONE 'Asia/Shanghai')::date) AS last_day FROM (" + ITEMS
            + ") i WHERE $3::text IS NULL OR department = $3";

    /**
     * $3: department or null; $4–$6: every kind's unit and amount; $7–$9: for each working-day amount and day, the
     * moment a matter begun that day is overdue; $10: now.
     */
    static final String FIGURES = "WITH item AS (" + ITEMS + """
            ),
            deadline AS (SELECT * FROM unnest($4::text[], $5::text[], $6::int[]) AS d(kind, unit, amount)),
            due_day AS (SELECT * FROM unnest($7::int[], $8::date[], $9::timestamptz[]) AS w(amount, day, overdue_after)),
            timed AS (
                SELECT i.kind, i.department, i.started_at, i.decided_at, i.automatic,
                       to_char(coalesce(i.decided_at, i.started_at) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,
                       coalesce(i.overdue_after,
                                CASE WHEN d.unit = 'HOURS' THEN i.started_at + make_interval(hours => d.amount) END,
                                w.overdue_after) AS overdue_after
                  FROM item i
                  JOIN deadline d ON d.kind = i.kind
                  LEFT JOIN due_day w ON d.unit = 'WORKING_DAYS' AND w.amount = d.amount
                                     AND w.day = (i.started_at AT TIME ZONE 'Asia/Shanghai')::date
                 WHERE $3::text IS NULL OR i.department = $3)
            SELECT t.kind, t.month, t.department, grouping(t.department) = 1 AS all_departments, max(dep.name_zh) AS department_name,
                   count(*) FILTER (WHERE t.decided_at IS NOT NULL) AS decided,
                   count(*) FILTER (WHERE t.decided_at IS NOT NULL AND t.automatic) AS decided_automatically,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY greatest(0, extract(epoch FROM t.decided_at - t.started_at)))
                       FILTER (WHERE t.decided_at IS NOT NULL) AS median_seconds,
                   count(*) FILTER (WHERE t.decided_at < t.overdue_after) AS met,
                   count(*) FILTER (WHERE t.decided_at >= t.overdue_after) AS late,
                   count(*) FILTER (WHERE t.decided_at IS NULL) AS open_now,
                   count(*) FILTER (WHERE t.decided_at IS NULL AND t.overdue_after <= $10) AS overdue_now,
                   count(*) FILTER (WHERE t.overdue_after IS NULL) AS undated
              FROM timed t LEFT JOIN department dep ON dep.code = t.department
             GROUP BY GROUPING SETS ((t.kind, t.month, t.department), (t.kind, t.month))
            """;

    private final Pool pool;
    private final PolicyClient policy;
    private final Clock clock;

    public DecisionCounts(Pool pool, PolicyClient policy, Clock clock) {
        this.pool = pool;
        this.policy = policy;
        this.clock = clock;
    }

    public Uni<DecisionFigures> count(MonthRange range, String department, List<DecisionDeadline> deadlines) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime start = range.start().atOffset(ZoneOffset.UTC);
        OffsetDateTime end = range.end().atOffset(ZoneOffset.UTC);
        return policy.evaluate(PolicyCalendar.PATH, Map.of(), PolicyCalendar.class)
                .map(answer -> answer.result().workingDays())
                .flatMap(days -> pool.preparedQuery(SPAN).execute(Tuple.of(start, end, department))
                        .map(rows -> rows.iterator().next())
                        .map(span -> DueDays.of(days, deadlines, span.getLocalDate("first_day"), span.getLocalDate("last_day"))))
                .flatMap(due -> pool.preparedQuery(FIGURES).execute(parameters(start, end, department, deadlines, due, now)))
                .map(rows -> {
                    List<DecisionFigures.Row> figures = new ArrayList<>();
                    for (Row row : rows) {
                        if (row.getLong("undated") > 0) {
                            throw new IllegalStateException("a matter of " + row.getString("kind") + " has no deadline moment");
                        }
                        boolean all = row.getBoolean("all_departments");
                        if (!all && row.getString("department") == null) {
                            continue; // a matter whose department is unknown counts in its total only
                        }
                        figures.add(new DecisionFigures.Row(DecisionKind.valueOf(row.getString("kind")), row.getString("month"),
                                all ? null : row.getString("department"), all ? null : row.getString("department_name"),
                                row.getLong("decided"), row.getLong("decided_automatically"), row.getDouble("median_seconds"),
                                row.getLong("met"), row.getLong("late"), row.getLong("open_now"), row.getLong("overdue_now")));
                    }
                    figures.sort(order(deadlines));
                    return new DecisionFigures(range.from().toString(), range.to().toString(), now, deadlines, figures);
                });
    }

    private static Tuple parameters(OffsetDateTime start, OffsetDateTime end, String department, List<DecisionDeadline> deadlines,
                                    DueDays due, OffsetDateTime now) {
        return Tuple.tuple()
                .addValue(start).addValue(end).addValue(department)
                .addValue(deadlines.stream().map(d -> d.kind().name()).toArray(String[]::new))
                .addValue(deadlines.stream().map(d -> d.unit().name()).toArray(String[]::new))
                .addValue(deadlines.stream().map(DecisionDeadline::amount).toArray(Integer[]::new))
                .addValue(due.amounts()).addValue(due.days()).addValue(due.overdueAfter())
                .addValue(now);
    }

    /** The policy's order of kinds, then months, then the total before its departments. */
    private static Comparator<DecisionFigures.Row> order(List<DecisionDeadline> deadlines) {
        List<DecisionKind> kinds = deadlines.stream().map(DecisionDeadline::kind).toList();
        return Comparator.<DecisionFigures.Row>comparingInt(row -> kinds.indexOf(row.kind()))
                .thenComparing(DecisionFigures.Row::month)
                .thenComparing(DecisionFigures.Row::department, Comparator.nullsFirst(Comparator.naturalOrder()));
    }

    /**
     * For each working-day amount and each day from {@code first} to {@code last}, the moment a matter begun that day
     * becomes overdue: a few thousand entries for two years of matters, and none when nothing was counted.
     */
    record DueDays(Integer[] amounts, LocalDate[] days, OffsetDateTime[] overdueAfter) {

        static DueDays of(WorkingDays calendar, List<DecisionDeadline> deadlines, LocalDate first, LocalDate last) {
            List<Integer> amounts = new ArrayList<>();
            List<LocalDate> days = new ArrayList<>();
            List<OffsetDateTime> overdue = new ArrayList<>();
            if (first != null && last != null) {
                TreeSet<Integer> workingDayAmounts = new TreeSet<>();
                deadlines.stream().filter(d -> d.unit() == DeadlineUnit.WORKING_DAYS).forEach(d -> workingDayAmounts.add(d.amount()));
                for (int amount : workingDayAmounts) {
                    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                        amounts.add(amount);
                        days.add(day);
                        overdue.add(calendar.overdueAfter(day, amount));
                    }
                }
            }
            return new DueDays(amounts.toArray(Integer[]::new), days.toArray(LocalDate[]::new),
                    overdue.toArray(OffsetDateTime[]::new));
        }
    }

}
