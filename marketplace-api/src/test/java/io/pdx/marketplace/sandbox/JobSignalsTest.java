package io.pdx.marketplace.sandbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JobSignalsTest {

    private final JobSignals signals = new JobSignals();
    private final UUID job = UUID.randomUUID();

    /** Vert.x refuses a timer under 1 ms and Mutiny drops that failure: a wait of microseconds would never end. */
    @Test
    void aWaitNeverAsksForATimerUnderOneMillisecond_norOverTheFallback() {
        assertEquals(Duration.ofMillis(1), JobSignals.timer(Duration.ofNanos(500)));
        assertEquals(Duration.ofMillis(1), JobSignals.timer(Duration.ZERO));
        assertEquals(Duration.ofMillis(1), JobSignals.timer(Duration.ofNanos(-5)));
        assertEquals(Duration.ofMillis(7), JobSignals.timer(Duration.ofMillis(7)));
        assertEquals(JobSignals.FALLBACK, JobSignals.timer(Duration.ofSeconds(30)));
    }

    @Test
    void aChange_wakesEveryWaiterAtOnce() {
        CompletableFuture<Void> first = signals.listen(job);
        CompletableFuture<Void> second = signals.listen(job);
        CompletableFuture<Void> waitingFirst = signals.await(job, first, Duration.ofSeconds(30)).subscribeAsCompletionStage();
        CompletableFuture<Void> waitingSecond = signals.await(job, second, Duration.ofSeconds(30)).subscribeAsCompletionStage();
        assertFalse(waitingFirst.isDone());
        signals.changed(job);
        assertTrue(waitingFirst.isDone() && waitingSecond.isDone());
        assertEquals(0, signals.waitingOn());
    }

    @Test
    void aChangeBetweenListeningAndWaiting_isNotMissed() {
        CompletableFuture<Void> signal = signals.listen(job);
        signals.changed(job);
        assertTrue(waited(signal, Duration.ofSeconds(30)).compareTo(JobSignals.FALLBACK) < 0);
    }

    @Test
    void withoutAChange_theWaiterLooksAgainAfterTheFallback_andIsForgotten() {
        Duration waited = waited(signals.listen(job), Duration.ofSeconds(30));
        assertTrue(waited.compareTo(JobSignals.FALLBACK) >= 0 && waited.compareTo(Duration.ofSeconds(5)) < 0, waited.toString());
        assertEquals(0, signals.waitingOn());
    }

    @Test
    void aShorterDeadline_endsTheWaitSooner() {
        assertTrue(waited(signals.listen(job), Duration.ofMillis(20)).compareTo(JobSignals.FALLBACK) < 0);
    }

    @Test
    void forgetting_andChangesNobodyWaitsFor_leaveNothingBehind() {
        CompletableFuture<Void> signal = signals.listen(job);
        assertEquals(1, signals.waitingOn());
        signals.forget(job, signal);
        signals.changed(UUID.randomUUID());
        assertEquals(0, signals.waitingOn());
    }

    /** How long a wait on {@code signal} of at most {@code atMost} took. */
    private Duration waited(CompletableFuture<Void> signal, Duration atMost) {
        long started = System.nanoTime();
        signals.await(job, signal, atMost).await().indefinitely();
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
