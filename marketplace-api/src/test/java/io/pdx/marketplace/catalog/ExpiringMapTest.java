package io.pdx.marketplace.catalog;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ExpiringMapTest {

    private final AtomicInteger computed = new AtomicInteger();

    private Uni<Integer> count() {
        return Uni.createFrom().item(computed::incrementAndGet);
    }

    @Test
    void aKeptValue_isNotComputedAgain_untilItExpires() throws InterruptedException {
        ExpiringMap<String, Integer> map = new ExpiringMap<>(Duration.ofMillis(200), 10);
        assertEquals(1, map.get("a", this::count).await().indefinitely());
        assertEquals(1, map.get("a", this::count).await().indefinitely());
        assertEquals(2, map.get("b", this::count).await().indefinitely());
        Thread.sleep(250);
        assertEquals(3, map.get("a", this::count).await().indefinitely());
    }

    @Test
    void callersMissingTogether_shareOneComputation() {
        ExpiringMap<String, Integer> map = new ExpiringMap<>(Duration.ofMinutes(1), 10);
        CompletableFuture<Integer> slow = new CompletableFuture<>();
        Uni<Integer> first = map.get("a", () -> {
            computed.incrementAndGet();
            return Uni.createFrom().completionStage(slow);
        });
        CompletableFuture<Integer> firstResult = first.subscribeAsCompletionStage();
        CompletableFuture<Integer> secondResult = map.get("a", this::count).subscribeAsCompletionStage();
        slow.complete(42);
        assertEquals(42, firstResult.join());
        assertEquals(42, secondResult.join());
        assertEquals(1, computed.get());
    }

    @Test
    void aFailure_reachesWaitingCallers_andIsNotKept() {
        ExpiringMap<String, Integer> map = new ExpiringMap<>(Duration.ofMinutes(1), 10);
        CompletableFuture<Integer> failing = new CompletableFuture<>();
        CompletableFuture<Integer> first = map.get("a", () -> Uni.createFrom().completionStage(failing)).subscribeAsCompletionStage();
        CompletableFuture<Integer> waiting = map.get("a", this::count).subscribeAsCompletionStage();
        failing.completeExceptionally(new IllegalStateException("policy engine unreachable"));
        assertThrows(Exception.class, first::join);
        assertThrows(Exception.class, waiting::join);
        assertEquals(1, map.get("a", this::count).await().indefinitely());
    }

    @Test
    void aCallerThatStopsWaiting_doesNotCancelTheValueOthersWaitFor() {
        ExpiringMap<String, Integer> map = new ExpiringMap<>(Duration.ofMinutes(1), 10);
        CompletableFuture<Integer> slow = new CompletableFuture<>();
        Cancellable gone = map.get("a", () -> {
            computed.incrementAndGet();
            return Uni.createFrom().completionStage(slow);
        }).subscribe().with(value -> { });
        CompletableFuture<Integer> waiting = map.get("a", this::count).subscribeAsCompletionStage();
        gone.cancel();
        slow.complete(7);
        assertEquals(7, waiting.join());
        assertEquals(7, map.get("a", this::count).await().indefinitely());
        assertEquals(1, computed.get());
    }

    @Test
    void zeroTimeToLive_computesEveryTime_andClearForgets() {
        ExpiringMap<String, Integer> off = new ExpiringMap<>(Duration.ZERO, 10);
        off.get("a", this::count).await().indefinitely();
        assertEquals(2, off.get("a", this::count).await().indefinitely());
        ExpiringMap<String, Integer> map = new ExpiringMap<>(Duration.ofMinutes(1), 10);
        assertEquals(3, map.get("a", this::count).await().indefinitely());
        map.clear();
        assertEquals(4, map.get("a", this::count).await().indefinitely());
    }

    @Test
    void pastItsBound_theMapStartsOver() {
        ExpiringMap<Integer, Integer> map = new ExpiringMap<>(Duration.ofMinutes(1), 3);
        for (int key = 0; key < 3; key++) {
            map.get(key, this::count).await().indefinitely();
        }
        map.get(3, this::count).await().indefinitely();
        assertEquals(5, map.get(0, this::count).await().indefinitely());
    }
}
