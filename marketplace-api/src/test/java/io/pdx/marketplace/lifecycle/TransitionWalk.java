package io.pdx.marketplace.lifecycle;

import org.junit.jupiter.api.DynamicTest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Walks every named transition of an aggregate against every state: from a source state it reaches its target
 * (and the state table allows that move: the table stays the backstop); from any other state it is refused with a
 * 409 that names the state and the transition, and the aggregate stays as it was.
 *
 * <p>Which states a transition leaves from and where it goes come from the test's own literal table
 * ({@link #to}), written from the life cycles in docs, never from the implementation's enums: a transition given
 * one source too many (a reviewer approving straight from APPLIED) or the wrong target fails the walk.
 */
public final class TransitionWalk {

    static final java.time.OffsetDateTime NOW = java.time.OffsetDateTime.parse("2026-12-07T12:00:00+08:00");

    /** Applies {@code transition} as the kernel does (the method is the kernel package's alone). */
    static <S extends Enum<S>> void apply(StatefulEntity<S> aggregate, Transition<S> transition, String actor) {
        aggregate.apply(transition, actor, NOW);
    }

    private TransitionWalk() {
    }

    /** What the test expects of one named transition: the states it leaves from and the state it reaches. */
    public record Move<S extends Enum<S>>(S target, Set<S> sources) {
    }

    /** The expected move: to {@code target} from {@code first} and {@code more}, and from no other state. */
    @SafeVarargs
    public static <S extends Enum<S>> Move<S> to(S target, S first, S... more) {
        return new Move<>(target, Set.copyOf(EnumSet.of(first, more)));
    }

    /**
     * @param expected the test's literal table: for every transition of {@code transitions} (no more, no fewer), its
     *                 sources and target
     */
    public static <S extends Enum<S>, A extends StatefulEntity<S>> List<DynamicTest> of(Transition<S>[] transitions, S[] states,
                                                                                Map<? extends Transition<S>, Move<S>> expected,
                                                                                Function<S, A> inState,
                                                                                java.util.function.BiPredicate<S, S> tableAllows) {
        List<DynamicTest> tests = new ArrayList<>();
        Set<String> named = Arrays.stream(transitions).map(Transition::name).collect(Collectors.toCollection(TreeSet::new));
        Set<String> tabled = expected.keySet().stream().map(Transition::name).collect(Collectors.toCollection(TreeSet::new));
        tests.add(DynamicTest.dynamicTest("the expected table names every transition", () -> assertEquals(named, tabled)));
        for (Transition<S> transition : transitions) {
            Move<S> move = expected.get(transition);
            for (S state : states) {
                tests.add(DynamicTest.dynamicTest(transition.name() + " from " + state, () -> {
                    assertNotNull(move, "the test's table has no row for " + transition.name());
                    A aggregate = inState.apply(state);
                    if (move.sources().contains(state)) {
                        assertTrue(tableAllows.test(state, move.target()),
                                "the state table allows " + state + " → " + move.target());
                        aggregate.apply(transition, "tester", NOW);
                        assertEquals(move.target(), aggregate.state(), transition.name() + " from " + state);
                    } else {
                        IllegalTransition refused = assertThrows(IllegalTransition.class, () -> aggregate.apply(transition, "tester", NOW),
                                transition.name() + " from " + state + " is refused");
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
