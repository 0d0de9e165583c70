package io.pdx.marketplace.lifecycle;

import io.pdx.marketplace.problem.ProblemException;

import java.util.Locale;
import java.util.stream.Collectors;

/** A transition asked of an aggregate in a state it does not leave from: 409 naming the state and the transition. */
public final class IllegalTransition extends ProblemException {

    private IllegalTransition(String detail) {
        super(409, "illegal-transition", "Illegal state transition / 状态不允许此操作", detail);
    }

    /** {@code transition} asked of a resource in {@code state}, which is not one it leaves from. */
    static <S extends Enum<S>> IllegalTransition of(String resource, Object id, S state, Transition<S> transition) {
        return new IllegalTransition(resource + " " + id + " is " + state + "; " + transition.name()
                + " applies only to a " + resource.toLowerCase(Locale.ROOT) + " that is "
                + transition.sources().stream().map(Enum::name).sorted().collect(Collectors.joining(" or ")) + ".");
    }
}
