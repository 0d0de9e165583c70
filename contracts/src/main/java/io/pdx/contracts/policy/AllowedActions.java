package io.pdx.contracts.policy;

import java.util.List;

/**
 * The answer of {@code data.pdx.authz.actions} to an {@link ActionsInput}: {@code allowed.get(i)} holds the
 * candidate operations of {@code resources.get(i)} the subject may perform, in the order they were given.
 *
 * @param allowed one list per resource, in the order of the input; empty when there were no resources
 */
public record AllowedActions(List<List<String>> allowed) {

    public AllowedActions {
        allowed = allowed == null ? List.of() : allowed.stream()
                .map(list -> list == null ? List.<String>of() : List.copyOf(list)).toList();
    }
}
