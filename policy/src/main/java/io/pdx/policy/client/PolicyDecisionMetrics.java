package io.pdx.policy.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Count and latency of every question {@link PolicyClient} asks OPA, as one timer {@value #DECISIONS} (Prometheus:
 * {@code pdx_policy_decisions_seconds_count|_sum|_max|_bucket}) labelled by the Rego {@code package} and
 * {@code rule} asked, the decision's {@code outcome} and its first {@code reason} code. Labels come from a bounded
 * vocabulary only: the path's segments (constants in code), the outcome and reason codes the policy answers
 * (checked against a pattern, {@value #OTHER} otherwise), and at most {@value #MAX_SERIES} combinations — past
 * that everything is counted under {@value #OTHER}, so no answer can make the series grow without bound. No input,
 * subject or id is ever a label. The names here are the policy client's, in both services.
 */
@ApplicationScoped
public class PolicyDecisionMetrics {

    public static final String DECISIONS = "pdx.policy.decisions";
    public static final String PACKAGE = "package";
    public static final String RULE = "rule";
    public static final String OUTCOME = "outcome";
    public static final String REASON = "reason";

    /** The outcome of a read of policy data that is no decision (a catalog view, a grade's controls, a setting). */
    public static final String LOOKUP = "LOOKUP";
    /** The outcome when OPA gave no usable answer (the caller fails closed). */
    public static final String UNAVAILABLE = "UNAVAILABLE";
    public static final String NONE = "none";
    public static final String OTHER = "other";
    static final int MAX_SERIES = 400;

    /** Latency buckets (service level objectives): OPA answers in about a millisecond; the client gives up at its timeout. */
    static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
            Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1)};

    private static final Pattern SEGMENT = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    private static final Pattern OUTCOME_CODE = Pattern.compile("[A-Z][A-Z_]{0,31}");
    private static final Pattern REASON_CODE = Pattern.compile("[a-z][a-z0-9_]{0,47}");

    private final MeterRegistry registry;
    private final Map<Labels, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, String[]> paths = new ConcurrentHashMap<>();

    public PolicyDecisionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One combination of labels. */
    record Labels(String pkg, String rule, String outcome, String reason) {
        static final Labels OVERFLOW = new Labels(OTHER, OTHER, OTHER.toUpperCase(), OTHER);
    }

    /** An answer of OPA: {@code result} is the value of the path asked (a decision, a document holding one, or data). */
    public void answered(String path, JsonNode result, long nanos) {
        JsonNode decision = decisionIn(result);
        String outcome = decision == null ? LOOKUP : code(decision.path("outcome").asText(""), OUTCOME_CODE, OTHER.toUpperCase());
        String reason = NONE;
        if (decision != null && decision.path("reasons").isArray() && !decision.path("reasons").isEmpty()) {
            reason = code(decision.path("reasons").get(0).path("code").asText(""), REASON_CODE, OTHER);
        }
        record(path, outcome, reason, nanos);
    }

    /** No usable answer: {@code kind} is one of {@link PolicyUnavailableException}'s kinds. */
    public void unavailable(String path, String kind, long nanos) {
        record(path, UNAVAILABLE, kind, nanos);
    }

    private void record(String path, String outcome, String reason, long nanos) {
        String[] where = paths.computeIfAbsent(path, PolicyDecisionMetrics::packageAndRule);
        Labels labels = new Labels(where[0], where[1], outcome, reason);
        Timer timer = timers.get(labels);
        if (timer == null) {
            timer = timers.size() >= MAX_SERIES ? timers.computeIfAbsent(Labels.OVERFLOW, this::timer)
                    : timers.computeIfAbsent(labels, this::timer);
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer timer(Labels labels) {
        return Timer.builder(DECISIONS)
                .description("Questions asked of OPA, by Rego package and rule, decision outcome and first reason code")
                .tags(PACKAGE, labels.pkg(), RULE, labels.rule(), OUTCOME, labels.outcome(), REASON, labels.reason())
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    /**
     * The decision in an answer: the answer itself when it has an {@code outcome}, else its {@code decision} or
     * {@code admission} member (the documents of {@code pdx.license} and {@code pdx.sandbox}); null for data.
     */
    static JsonNode decisionIn(JsonNode result) {
        if (result == null || !result.isObject()) {
            return null;
        }
        if (result.path("outcome").isTextual()) {
            return result;
        }
        for (String member : new String[]{"decision", "admission"}) {
            JsonNode inner = result.path(member);
            if (inner.isObject() && inner.path("outcome").isTextual()) {
                return inner;
            }
        }
        return null;
    }

    /**
     * {@code pdx/sandbox/release} → package {@code pdx.sandbox}, rule {@code release}; a package asked as a whole
     * ({@code pdx/license}) has rule {@code *}; settings under {@code pdx/config/…} are one rule each
     * ({@code pdx/config/grades/GENERAL} → rule {@code grades}).
     */
    static String[] packageAndRule(String path) {
        String[] segments = path == null ? new String[0] : path.split("/");
        if (segments.length < 2 || !SEGMENT.matcher(segments[0]).matches() || !SEGMENT.matcher(segments[1]).matches()) {
            return new String[]{OTHER, OTHER};
        }
        String rule = segments.length < 3 ? "*" : SEGMENT.matcher(segments[2]).matches() ? segments[2] : OTHER;
        return new String[]{segments[0] + "." + segments[1], rule};
    }

    private static String code(String value, Pattern allowed, String otherwise) {
        return allowed.matcher(value).matches() ? value : otherwise;
    }
}
