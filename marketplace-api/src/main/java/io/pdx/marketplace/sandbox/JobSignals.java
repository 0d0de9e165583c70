package io.pdx.marketplace.sandbox;

import io.pdx.marketplace.async.SharedWait;
import io.pdx.marketplace.lifecycle.StatefulEntity;
import io.pdx.marketplace.lifecycle.Transition;
import io.pdx.marketplace.lifecycle.TransitionListener;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells a client waiting on a job ({@code GET …/jobs/{id}?wait=…}) that the worker of this
 * process has just committed a change to it, so the answer goes out at once instead of after
 * the next look at the database. Only a hint: a waiter always reads the job again from
 * PostgreSQL, and looks anyway after {@link #FALLBACK} (changes made by another instance, or
 * by a reviewer, are seen then).
 */
@ApplicationScoped
public class JobSignals implements TransitionListener {

    /** How long a waiter goes without a signal before it reads the job again anyway. */
    static final Duration FALLBACK = Duration.ofMillis(250);
    /** The shortest timer Vert.x schedules. */
    static final Duration MINIMUM_TIMER = Duration.ofMillis(1);

    private final ConcurrentHashMap<UUID, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();

    /**
     * Starts listening for the next change of job {@code id}. Call it before reading the job, so
     * that a change committed between the read and the wait is not missed; then either
     * {@link #await} the signal or {@link #forget} it.
     */
    public CompletableFuture<Void> listen(UUID id) {
        return waiting.computeIfAbsent(id, ignored -> new CompletableFuture<>());
    }

    /**
     * Completes when {@code signal} fires, or after at most {@code atMost} (and {@link #FALLBACK}),
     * on the caller's own Vert.x context ({@link SharedWait}): the signal fires on the worker's.
     */
    public Uni<Void> await(UUID id, CompletableFuture<Void> signal, Duration atMost) {
        return SharedWait.on(signal)
                .ifNoItem().after(timer(atMost)).recoverWithItem(() -> {
                    forget(id, signal);
                    return null;
                });
    }

    /**
     * How long one wait lasts: {@code atMost}, at most {@link #FALLBACK}, and at least one millisecond — Vert.x refuses a
     * timer under 1 ms, and Mutiny then drops that failure: the wait, and the request waiting on it, would never end
     * (a long poll whose remaining time had come down to microseconds once hung until the client gave up).
     */
    static Duration timer(Duration atMost) {
        Duration wait = atMost.compareTo(FALLBACK) < 0 ? atMost : FALLBACK;
        return wait.compareTo(MINIMUM_TIMER) < 0 ? MINIMUM_TIMER : wait;
    }

    /** Stops listening (the job had already settled). */
    public void forget(UUID id, CompletableFuture<Void> signal) {
        waiting.remove(id, signal);
    }

    /** Job {@code id} changed (after its transaction committed): wakes everyone waiting on it. */
    public void changed(UUID id) {
        CompletableFuture<Void> signal = waiting.remove(id);
        if (signal != null) {
            signal.complete(null);
        }
    }

    /** A job's transition committed: whoever waits on it is woken. */
    @Override
    public void committed(StatefulEntity<?> aggregate, Transition<?> transition) {
        if (aggregate instanceof SandboxJob job) {
            changed(job.id);
        }
    }

    /** Jobs somebody is waiting on right now (for tests). */
    int waitingOn() {
        return waiting.size();
    }
}
