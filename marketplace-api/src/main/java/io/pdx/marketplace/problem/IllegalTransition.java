package io.pdx.marketplace.problem;

import io.pdx.marketplace.lifecycle.Transition;

import java.util.stream.Collectors;

/** A state change the resource's current state does not allow: 409 naming the state and the transition. */
public final class IllegalTransition extends ProblemException {

    public IllegalTransition(String resource, Object id, Enum<?> from, Enum<?> to) {
        super(409, "illegal-transition", "Illegal state transition / 状态不允许此操作",
                resource + " " + id + " is " + from + " and cannot become " + to + ".");
    }

    private IllegalTransition(String detail) {
        super(409, "illegal-transition", "Illegal state transition / 状态不允许此操作", detail);
    }

    /** {@code transition} asked of a resource in {@code state}, which is not one it leaves from. */
    public static <S extends Enum<S>> IllegalTransition of(String resource, Object id, S state, Transition<S> transition) {
        return new IllegalTransition(resource + " " + id + " is " + state + "; " + transition.name()
                + " applies only to a " + resource.toLowerCase(java.util.Locale.ROOT) + " that is "
                + transition.sources().stream().map(Enum::name).sorted().collect(Collectors.joining(" or ")) + ".");
    }
}
