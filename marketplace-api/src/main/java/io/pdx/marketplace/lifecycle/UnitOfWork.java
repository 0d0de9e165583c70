package io.pdx.marketplace.lifecycle;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.engine.ReactiveAfterTransactionCompletionProcess;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.mutiny.delegation.MutinySessionDelegator;
import org.hibernate.reactive.mutiny.impl.MutinySessionImpl;
import org.hibernate.reactive.session.ReactiveConnectionSupplier;
import org.hibernate.reactive.session.ReactiveSession;
import org.jboss.logging.Logger;

import java.util.concurrent.CompletableFuture;

/**
 * Work that must wait for the real commit of the current transaction, whoever opened it: a resource method's
 * {@code @WithTransaction}, a worker's {@code Panache.withTransaction}, or the kernel's own. Registered with the
 * session's action queue, it runs once that transaction committed, and never when it rolled back (a later transaction
 * of the same session does not run what an earlier, failed one registered).
 */
@ApplicationScoped
public class UnitOfWork {

    private static final Logger LOG = Logger.getLogger(UnitOfWork.class);

    /** Runs {@code action} after the current transaction commits; a failure without a transaction. */
    public Uni<Void> afterCommit(Runnable action) {
        return Panache.getSession().invoke(session -> {
            Mutiny.Transaction transaction = session.currentTransaction();
            if (transaction == null) {
                throw new IllegalStateException("a transition runs in a transaction");
            }
            reactive(session).getReactiveActionQueue().registerProcess((ReactiveAfterTransactionCompletionProcess) (success, ignored) -> {
                if (success && session.currentTransaction() == transaction) {
                    try {
                        action.run();
                    } catch (RuntimeException failure) { // the change committed: what follows it must not undo the answer
                        LOG.warnf("after commit: %s", failure.getClass().getSimpleName());
                    }
                }
                return CompletableFuture.completedFuture(null);
            });
        }).replaceWithVoid();
    }

    /** The Hibernate Reactive session behind the Mutiny one, whose action queue runs at the transaction's completion. */
    private static ReactiveSession reactive(Mutiny.Session session) {
        Mutiny.Session unwrapped = session;
        while (unwrapped instanceof MutinySessionDelegator delegator) {
            unwrapped = delegator.delegate();
        }
        if (unwrapped instanceof MutinySessionImpl impl && impl.unwrap(ReactiveConnectionSupplier.class) instanceof ReactiveSession reactive) {
            return reactive;
        }
        throw new IllegalStateException("no reactive session behind " + session.getClass().getName());
    }
}
