package io.pdx.marketplace.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.pdx.contracts.Grade;
import io.pdx.contracts.sandbox.JobState;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import io.micrometer.core.instrument.Meter;
import jakarta.annotation.PreDestroy;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gauges read from PostgreSQL, the platform's record, every {@code pdx.metrics.refresh-every} (15 s): sandbox jobs
 * by state and grade ({@value MetricNames#JOBS}), ε charged this calendar year in bureau time by grade
 * ({@value MetricNames#EPSILON_SPENT}; refunded jobs count nothing), and the review backlog — licenses IN_REVIEW
 * and job results AWAITING_RELEASE, with the age of the oldest ({@value MetricNames#REVIEW_BACKLOG},
 * {@value MetricNames#REVIEW_BACKLOG_OLDEST}). Every instance reports the same totals: aggregate them with
 * {@code max}, not {@code sum}. A failed refresh keeps the last values and logs its cause's kind.
 */
@Startup
@ApplicationScoped
public class PlatformGauges {

    static final ZoneId BUREAU_ZONE = ZoneId.of("Asia/Shanghai"); // observability ranks with time: it may not import BureauTime
    static final String JOBS_BY_STATE = "select state, grade, count(*) from sandbox_job group by state, grade";
    static final String EPSILON_BY_GRADE = "select grade, coalesce(sum(epsilon_micros), 0)::bigint from sandbox_job"
            + " where created_at >= $1 and not refunded group by grade";
    static final String BACKLOG = "select 'license_review', count(*), coalesce(extract(epoch from now() - min(created_at)), 0)::float8"
            + " from license where state = 'IN_REVIEW'"
            + " union all select 'release_review', count(*),"
            + " coalesce(extract(epoch from now() - min(coalesce(finished_at, updated_at))), 0)::float8"
            + " from sandbox_job where state = 'AWAITING_RELEASE'";

    private static final Logger LOG = Logger.getLogger(PlatformGauges.class);

    private final Pool pool;
    private final Map<JobState, Map<Grade, AtomicLong>> jobs = new EnumMap<>(JobState.class);
    private final Map<Grade, AtomicLong> epsilon = new EnumMap<>(Grade.class);
    private final Map<String, AtomicLong> backlog = new HashMap<>();
    private final Map<String, AtomicLong> oldest = new HashMap<>();
    /** Removed when this instance goes: a registry that outlives it (a restart in the same JVM) must not keep reading its values. */
    private final List<Meter> meters = new ArrayList<>();
    private final MeterRegistry registry;
    private final Clock clock;

    public PlatformGauges(Pool pool, MeterRegistry registry, Clock clock) {
        this.pool = pool;
        this.registry = registry;
        this.clock = clock;
        for (JobState state : JobState.values()) {
            Map<Grade, AtomicLong> byGrade = new EnumMap<>(Grade.class);
            for (Grade grade : Grade.values()) {
                AtomicLong value = new AtomicLong();
                meters.add(Gauge.builder(MetricNames.JOBS, value, AtomicLong::get).description("Sandbox jobs in each state now, by grade")
                        .tags(MetricNames.STATE, state.name(), MetricNames.GRADE, grade.name()).register(registry));
                byGrade.put(grade, value);
            }
            jobs.put(state, byGrade);
        }
        for (Grade grade : Grade.values()) {
            AtomicLong value = new AtomicLong();
            meters.add(Gauge.builder(MetricNames.EPSILON_SPENT, value, AtomicLong::get)
                    .description("Privacy budget (epsilon) charged this calendar year, in micro-units, by grade")
                    .tags(MetricNames.GRADE, grade.name()).register(registry));
            epsilon.put(grade, value);
        }
        for (String queue : new String[]{MetricNames.LICENSE_REVIEW, MetricNames.RELEASE_REVIEW}) {
            AtomicLong waiting = new AtomicLong();
            AtomicLong age = new AtomicLong();
            meters.add(Gauge.builder(MetricNames.REVIEW_BACKLOG, waiting, AtomicLong::get).description("Items waiting for a reviewer")
                    .tags(MetricNames.QUEUE, queue).register(registry));
            meters.add(Gauge.builder(MetricNames.REVIEW_BACKLOG_OLDEST, age, AtomicLong::get)
                    .description("Seconds the oldest waiting item has waited (0 when none waits)")
                    .tags(MetricNames.QUEUE, queue).register(registry));
            backlog.put(queue, waiting);
            oldest.put(queue, age);
        }
    }

    @PreDestroy
    void unregister() {
        meters.forEach(registry::remove);
    }

    @Scheduled(every = "${pdx.metrics.refresh-every:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> onSchedule() {
        return refresh().onFailure().invoke(failure -> LOG.warnf("metrics refresh from PostgreSQL failed: %s",
                failure.getClass().getSimpleName())).onFailure().recoverWithNull();
    }

    /** Reads every gauge's value afresh (one statement after the other: three small aggregates). */
    public Uni<Void> refresh() {
        OffsetDateTime yearStart = yearStart(clock);
        return pool.query(JOBS_BY_STATE).execute().invoke(rows -> {
                    Map<JobState, Map<Grade, Long>> counted = new EnumMap<>(JobState.class);
                    for (Row row : rows) {
                        counted.computeIfAbsent(JobState.valueOf(row.getString(0)), state -> new EnumMap<>(Grade.class))
                                .put(Grade.valueOf(row.getString(1)), row.getLong(2));
                    }
                    jobs.forEach((state, byGrade) -> byGrade.forEach((grade, value) ->
                            value.set(counted.getOrDefault(state, Map.of()).getOrDefault(grade, 0L))));
                })
                .flatMap(ignored -> pool.preparedQuery(EPSILON_BY_GRADE).execute(Tuple.of(yearStart)))
                .invoke(rows -> {
                    Map<Grade, Long> spent = new EnumMap<>(Grade.class);
                    for (Row row : rows) {
                        spent.put(Grade.valueOf(row.getString(0)), row.getLong(1));
                    }
                    epsilon.forEach((grade, value) -> value.set(spent.getOrDefault(grade, 0L)));
                })
                .flatMap(ignored -> pool.query(BACKLOG).execute())
                .invoke(rows -> {
                    for (Row row : rows) {
                        backlog.get(row.getString(0)).set(row.getLong(1));
                        oldest.get(row.getString(0)).set(Math.round(row.getDouble(2)));
                    }
                })
                .replaceWithVoid();
    }

    /** The start of the calendar year, in bureau time, that the {@code clock} is in: the ε gauge counts from it. */
    static OffsetDateTime yearStart(Clock clock) {
        return LocalDate.now(clock.withZone(BUREAU_ZONE)).withDayOfYear(1).atStartOfDay(BUREAU_ZONE).toOffsetDateTime();
    }
}
