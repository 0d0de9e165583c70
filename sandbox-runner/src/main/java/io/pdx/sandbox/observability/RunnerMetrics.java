package io.pdx.sandbox.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.pdx.contracts.Grade;
import io.pdx.contracts.runner.RunRequest;
import io.pdx.contracts.runner.SandboxDataset;
import io.pdx.sandbox.engine.RunFailure;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The runner's own metrics (names here, nowhere else; OPA's are {@link io.pdx.policy.client.PolicyDecisionMetrics}'s):
 * {@value #RUNS} — every run marketplace-api asks for, by the highest grade it reads and its {@value #OUTCOME}:
 * {@code succeeded}, {@code refused} (stopped before it read any data) or {@code failed} (after). Every series
 * exists from the start (at zero). Served on {@code /q/metrics}, which only marketplace-api may read: how long runs
 * take is nothing a requester may learn.
 */
@Startup // its series exist from the start, before the first run
@ApplicationScoped
public class RunnerMetrics {

    public static final String RUNS = "pdx.runner.runs";
    public static final String GRADE = "grade";
    public static final String OUTCOME = "outcome";

    public static final String SUCCEEDED = "succeeded";
    public static final String REFUSED = "refused";
    public static final String FAILED = "failed";

    static final Duration[] BUCKETS = {Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60)};

    private final Map<Grade, Map<String, Timer>> runs = new EnumMap<>(Grade.class);

    public RunnerMetrics(MeterRegistry registry) {
        for (Grade grade : Grade.values()) {
            Map<String, Timer> byOutcome = new java.util.HashMap<>();
            for (String outcome : new String[]{SUCCEEDED, REFUSED, FAILED}) {
                byOutcome.put(outcome, Timer.builder(RUNS)
                        .description("Runs of admitted sandbox jobs, by the highest grade read and outcome")
                        .tags(GRADE, grade.name(), OUTCOME, outcome)
                        .serviceLevelObjectives(BUCKETS)
                        .register(registry));
            }
            runs.put(grade, Map.copyOf(byOutcome));
        }
    }

    /** A run that ended after {@code nanos}: {@code failure} null when it succeeded. */
    public void ran(RunRequest request, Throwable failure, long nanos) {
        String outcome = failure == null ? SUCCEEDED
                : failure instanceof RunFailure refusal && !refusal.dataRead() ? REFUSED : FAILED;
        runs.get(highestGrade(request)).get(outcome).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** 就高从严: a run is as sensitive as the most sensitive dataset it reads (CORE when it names none). */
    static Grade highestGrade(RunRequest request) {
        if (request == null || request.datasets() == null || request.datasets().isEmpty()) {
            return Grade.CORE;
        }
        Grade highest = Grade.GENERAL;
        for (SandboxDataset dataset : request.datasets()) {
            Grade grade = dataset.grade() == null ? Grade.CORE : dataset.grade();
            if (grade.compareTo(highest) > 0) {
                highest = grade;
            }
        }
        return highest;
    }
}
