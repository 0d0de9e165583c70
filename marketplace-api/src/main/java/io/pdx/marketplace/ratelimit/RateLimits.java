package io.pdx.marketplace.ratelimit;

import io.pdx.policy.client.PolicyClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests per caller and period, by kind ({@code job_submission} per organization, {@code public_catalog} per
 * client), from the policy data ({@code pdx.config.rate_limits}, one source of truth), asked of OPA at most once a
 * minute. Counted per instance: with n instances a caller gets up to n times the limit (see docs/OPERATIONS).
 */
@ApplicationScoped
public class RateLimits {

    static final String LIMITS = "pdx/config/rate_limits";
    static final Duration REFRESH = Duration.ofMinutes(1);
    static final int MAX_CALLERS = 100_000;

    /** One kind's limit as the policy data states it. */
    public record Limit(String per, int requests, int period_seconds) {
    }

    /** An answer: allowed, or the seconds to wait. */
    public record Verdict(boolean allowed, long retryAfterSeconds) {
        static final Verdict ALLOWED = new Verdict(true, 0);
    }

    private final PolicyClient policy;
    private final double scale;
    private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private volatile Map<String, Limit> limits = Map.of();
    private volatile long loadedNanos;

    /**
     * @param scale multiplies every limit: 1 in production; the test profile raises it so that suites that submit
     *              hundreds of jobs are not throttled, and one test lowers it to see the 429
     */
    public RateLimits(PolicyClient policy, @ConfigProperty(name = "pdx.rate-limits.scale", defaultValue = "1") double scale) {
        this.policy = policy;
        this.scale = scale;
    }

    /** Takes one request of {@code kind} for {@code caller}. Limits not known yet (OPA never answered): allowed; the request's own policy decision fails closed then. */
    public Uni<Verdict> take(String kind, String caller) {
        return current().map(known -> {
            Limit limit = known.get(kind);
            int requests = limit == null ? 0 : (int) Math.max(1, Math.round(limit.requests() * scale));
            if (limit == null || limit.requests() <= 0) {
                return Verdict.ALLOWED;
            }
            // elapsed time, not a moment: the monotonic System.nanoTime, which no wall-clock step moves (not the Clock)
            long now = System.nanoTime();
            if (buckets.size() > MAX_CALLERS) {
                buckets.entrySet().removeIf(entry -> entry.getValue().full(now));
            }
            long waitNanos = buckets.computeIfAbsent(kind + "\u0000" + caller,
                    key -> new TokenBucket(requests, Duration.ofSeconds(limit.period_seconds()).toNanos(), now)).take(now);
            return waitNanos == 0 ? Verdict.ALLOWED : new Verdict(false, Math.max(1, Duration.ofNanos(waitNanos).toSeconds() + 1));
        });
    }

    private Uni<Map<String, Limit>> current() {
        if (System.nanoTime() - loadedNanos < REFRESH.toNanos() && !limits.isEmpty()) {
            return Uni.createFrom().item(limits);
        }
        return policy.evaluate(LIMITS, Map.of(), LimitTable.class)
                .map(answer -> {
                    limits = Map.copyOf(answer.result());
                    loadedNanos = System.nanoTime();
                    return limits;
                })
                .onFailure().recoverWithItem(limits);
    }

    /** The policy data's table, kind → limit. */
    public static class LimitTable extends java.util.HashMap<String, Limit> {
    }
}
