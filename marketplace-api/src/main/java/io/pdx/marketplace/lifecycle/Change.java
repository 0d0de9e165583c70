package io.pdx.marketplace.lifecycle;

import io.smallrye.mutiny.Uni;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What a caller's transition does besides moving the state, in the order the kernel runs it: {@code check} after
 * authorization, whatever the state (a precondition the caller may only learn once allowed: a license in force, a
 * slot not yet begun); {@code prepare} after the state check and before the move (e.g. drawing a certificate number,
 * whose query flushes the session, or writing an agreement once the approval is authorized); {@code with} the fields
 * set with the move.
 */
public record Change<A>(Consumer<? super A> check, Function<? super A, Uni<?>> prepare, Consumer<? super A> with) {

    public static <A> Change<A> none() {
        return new Change<>(aggregate -> { }, aggregate -> Uni.createFrom().voidItem(), aggregate -> { });
    }

    public static <A> Change<A> with(Consumer<? super A> with) {
        return new Change<>(aggregate -> { }, aggregate -> Uni.createFrom().voidItem(), with);
    }

    public static <A> Change<A> prepared(Function<? super A, Uni<?>> prepare, Consumer<? super A> with) {
        return new Change<>(aggregate -> { }, prepare, with);
    }

    /** The same change, after {@code check} passed. */
    public Change<A> checkedBy(Consumer<? super A> check) {
        return new Change<>(check, prepare, with);
    }
}
