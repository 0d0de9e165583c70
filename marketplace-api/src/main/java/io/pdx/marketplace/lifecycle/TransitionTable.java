package io.pdx.marketplace.lifecycle;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** What an aggregate's transitions say about its states: the only table there is (the enums are it). */
public final class TransitionTable {

    private TransitionTable() {
    }

    /** The states reachable in one transition from {@code state}. */
    public static <S extends Enum<S>, T extends Enum<T> & Transition<S>> Set<S> next(Class<T> transitions, S state) {
        Set<S> next = EnumSet.noneOf(state.getDeclaringClass());
        for (T transition : transitions.getEnumConstants()) {
            if (transition.leavesFrom(state)) {
                next.add(transition.target());
            }
        }
        return Collections.unmodifiableSet(next);
    }

    /** Whether no transition leaves {@code state}. */
    public static <S extends Enum<S>, T extends Enum<T> & Transition<S>> boolean terminal(Class<T> transitions, S state) {
        return next(transitions, state).isEmpty();
    }

    /** The caller's transitions that leave from {@code state}, by operation name (what the API may offer). */
    public static <S extends Enum<S>, T extends Enum<T> & Transition<S>> List<T> offered(Class<T> transitions, S state) {
        return Arrays.stream(transitions.getEnumConstants())
                .filter(transition -> transition.by() == Transition.By.CALLER && transition.leavesFrom(state))
                .collect(Collectors.toList());
    }
}
