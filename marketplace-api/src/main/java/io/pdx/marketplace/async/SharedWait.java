package io.pdx.marketplace.async;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.concurrent.CompletableFuture;

/**
 * Waiting on a future that several requests share (a cached value being computed, a job's
 * signal). Two things go wrong with a plain {@code Uni.createFrom().completionStage(shared)}:
 * a caller that stops waiting cancels the future for everyone, and every waiter goes on on the
 * thread and Vert.x context that completed it — another request's, whose Hibernate Reactive
 * session it would then share. Here each caller waits on its own copy and goes on on its own
 * context.
 */
public final class SharedWait {

    private SharedWait() {
    }

    /** {@code shared}'s value, for this caller only, delivered on the caller's Vert.x context (if it has one). */
    public static <T> Uni<T> on(CompletableFuture<T> shared) {
        if (shared.isDone() && !shared.isCompletedExceptionally()) {
            return Uni.createFrom().item(shared.join());
        }
        Context caller = Vertx.currentContext();
        Uni<T> value = Uni.createFrom().completionStage(shared::copy);
        return caller == null ? value : value.emitOn(command -> caller.runOnContext(ignored -> command.run()));
    }
}
