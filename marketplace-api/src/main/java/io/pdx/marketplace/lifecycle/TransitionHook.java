package io.pdx.marketplace.lifecycle;

import io.smallrye.mutiny.Uni;

/**
 * A side effect of some transitions (metering a released result, later notifications), run by the kernel in the
 * transition's own transaction, after the move was flushed and audited: its failure fails the transition. What must
 * happen only once the change committed is a {@link TransitionListener}.
 */
public interface TransitionHook {

    /** Whether this hook follows {@code transition}. */
    boolean follows(Transition<?> transition);

    Uni<Void> run(StatefulEntity<?> aggregate, Transition<?> transition);
}
