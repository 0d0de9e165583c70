package io.pdx.marketplace.lifecycle;

import io.pdx.marketplace.problem.IllegalTransition;
import org.junit.jupiter.api.DynamicTest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Walks every named transition of an aggregate against every state: from a source state it reaches its target
 * (and the state table allows that move: the table stays the backstop); from any other state it is refused with a
 * 409 that names the state and the transition, and the aggregate stays as it was.
 */
public final class TransitionWalk {

    private TransitionWalk() {
    }

    public static <S extends Enum<S>, A extends Stateful<S>> List<DynamicTest> of(Transition<S>[] transitions, S[] states,
                                                                                Function<S, A> inState,
                                                                                java.util.function.BiPredicate<S, S> tableAllows) {
        List<DynamicTest> tests = new ArrayList<>();
        for (Transition<S> transition : transitions) {
            for (S state : states) {
                tests.add(DynamicTest.dynamicTest(transition.name() + " from " + state, () -> {
                    A aggregate = inState.apply(state);
                    if (transition.leavesFrom(state)) {
                        assertTrue(transition.target() == state || tableAllows.test(state, transition.target()),
                                "the state table allows " + state + " → " + transition.target());
                        aggregate.apply(transition, "tester");
                        assertEquals(transition.target(), aggregate.state());
                    } else {
                        IllegalTransition refused = assertThrows(IllegalTransition.class, () -> aggregate.apply(transition, "tester"));
                        assertEquals(409, refused.status());
                        assertTrue(refused.getMessage().contains(state.name()) && refused.getMessage().contains(transition.name()),
                                refused.getMessage());
                        assertEquals(state, aggregate.state(), "a refused transition changes nothing");
                    }
                }));
            }
        }
        return tests;
    }

    /** Every transition is audited and leaves from at least one state. */
    public static <S extends Enum<S>> void wellFormed(Transition<S>[] transitions, Predicate<Transition<S>> platformOnly) {
        for (Transition<S> transition : transitions) {
            assertTrue(!transition.sources().isEmpty(), transition.name());
            assertTrue(transition.auditAction() != null, transition.name());
            assertEquals(platformOnly.test(transition), transition.operation() == null, transition.name()
                    + ": a transition the platform makes has no caller's operation, every other has one");
        }
    }
}
