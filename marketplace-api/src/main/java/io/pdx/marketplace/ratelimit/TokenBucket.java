package io.pdx.marketplace.ratelimit;

/**
 * A bucket of {@code capacity} requests refilled evenly over {@code periodNanos}: a caller may burst up to the
 * capacity, then goes at the refill rate. Thread-safe; time comes from the caller so that tests need no clock.
 */
final class TokenBucket {

    private final double capacity;
    private final double perNano;
    private double tokens;
    private long updatedNanos;

    TokenBucket(int capacity, long periodNanos, long nowNanos) {
        this.capacity = capacity;
        this.perNano = capacity / (double) periodNanos;
        this.tokens = capacity;
        this.updatedNanos = nowNanos;
    }

    /** Takes one token: 0 when it was there, else the nanoseconds until one will be. */
    synchronized long take(long nowNanos) {
        tokens = Math.min(capacity, tokens + (nowNanos - updatedNanos) * perNano);
        updatedNanos = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / perNano);
    }

    /** Full again: nothing is lost by forgetting it. */
    synchronized boolean full(long nowNanos) {
        return tokens + (nowNanos - updatedNanos) * perNano >= capacity;
    }
}
