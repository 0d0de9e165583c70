package io.pdx.marketplace.lifecycle;

import io.smallrye.mutiny.Uni;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What a transition changes besides the state: {@code prepare} runs after authorization and before the move (e.g.
 * drawing a certificate number, whose query flushes the session, or writing an agreement once the approval is
 * authorized), {@code with} sets the fields that go with the move.
 */
public record Change<A>(Function<? super A, Uni<?>> prepare, Consumer<? super A> with) {

    public static <A> Change<A> none() {
        return new Change<>(aggregate -> Uni.createFrom().voidItem(), aggregate -> { });
    }

    public static <A> Change<A> with(Consumer<? super A> with) {
        return new Change<>(aggregate -> Uni.createFrom().voidItem(), with);
    }

    public static <A> Change<A> prepared(Function<? super A, Uni<?>> prepare, Consumer<? super A> with) {
        return new Change<>(prepare, with);
    }
}
