package io.pdx.marketplace.lifecycle;

import java.util.EnumSet;
import java.util.Set;

/**
 * A named transition of an aggregate, the one place a state change is written: the states it leaves from, the state
 * it reaches, who takes it and its verb. Everything else derives from it: the audit action ({@code kind.verb}, e.g.
 * {@code license.approve}), the operation OPA authorizes for a caller's transition (the same name; none for the
 * platform's: an expiry, a worker's step), the next states an aggregate may reach, and the actions the API offers.
 * Two transitions may reach the same state with different rights — an operator's accept (APPROVED → ACTIVE) and the
 * bureau's resume (SUSPENDED → ACTIVE) — or share a verb (a first approval recorded, the last one approving).
 */
public interface Transition<S extends Enum<S>> {

    /** Who takes a transition: a caller, authorized by OPA, or the platform itself. */
    enum By {
        CALLER, PLATFORM
    }

    /** One row of the table: who takes the transition, its verb, the state it reaches and those it leaves from. */
    record Edge<S extends Enum<S>>(By by, String verb, S target, Set<S> sources) {

        public Edge {
            sources = Set.copyOf(sources);
        }

        /** A caller's transition, authorized by OPA as operation {@code kind.verb}. */
        @SafeVarargs
        public static <S extends Enum<S>> Edge<S> caller(String verb, S target, S first, S... more) {
            return new Edge<>(By.CALLER, verb, target, EnumSet.of(first, more));
        }

        /** A transition the platform takes itself. */
        @SafeVarargs
        public static <S extends Enum<S>> Edge<S> platform(String verb, S target, S first, S... more) {
            return new Edge<>(By.PLATFORM, verb, target, EnumSet.of(first, more));
        }
    }

    String name();

    /** The transition's row of the table. */
    Edge<S> edge();

    /** The aggregate kind as OPA and the audit trail name it: {@code license}, {@code job}, {@code dataset}… */
    String kind();

    default Set<S> sources() {
        return edge().sources();
    }

    default S target() {
        return edge().target();
    }

    default By by() {
        return edge().by();
    }

    /** The act, e.g. {@code approve}: the audit action's and (for a caller) the operation's last part. */
    default String verb() {
        return edge().verb();
    }

    default boolean leavesFrom(S state) {
        return sources().contains(state);
    }

    /** The audit trail's action, e.g. {@code license.approve}. */
    default String auditAction() {
        return kind() + "." + verb();
    }

    /** The operation OPA authorizes ({@code data.pdx.config.authz.operations}); null for the platform's transitions. */
    default String operation() {
        return by() == By.CALLER ? auditAction() : null;
    }
}
