package io.pdx.marketplace.async;

import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

class SharedWaitTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close();
    }

    @Test
    void aWaiter_goesOnOnItsOwnContext_notOnTheOneThatCompletedTheValue() throws Exception {
        Context waiter = vertx.getOrCreateContext();
        Context completer = vertx.getOrCreateContext();
        CompletableFuture<Integer> shared = new CompletableFuture<>();
        CompletableFuture<Context> resumedOn = new CompletableFuture<>();
        waiter.runOnContext(ignored -> SharedWait.on(shared).subscribe().with(value -> resumedOn.complete(Vertx.currentContext())));
        completer.runOnContext(ignored -> shared.complete(1));
        assertSame(waiter, resumedOn.get(5, TimeUnit.SECONDS));
    }

    @Test
    void aWaiterThatStopsWaiting_leavesTheSharedValueToTheOthers() {
        CompletableFuture<Integer> shared = new CompletableFuture<>();
        Cancellable gone = SharedWait.on(shared).subscribe().with(value -> { });
        CompletableFuture<Integer> other = SharedWait.on(shared).subscribeAsCompletionStage();
        gone.cancel();
        assertFalse(shared.isCancelled());
        shared.complete(3);
        assertEquals(3, other.join());
    }

    @Test
    void aDoneValue_isGivenAtOnce() {
        assertEquals(4, SharedWait.on(CompletableFuture.completedFuture(4)).await().indefinitely());
    }
}
