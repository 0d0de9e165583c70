package io.pdx.contracts.policy;

import java.util.List;

/**
 * Input of {@code data.pdx.authz.actions}: which of the candidate operations on each resource of a page the
 * subject may perform, in one question. Answer: {@link AllowedActions}, one list per resource in the same order,
 * each holding exactly the candidates {@code data.pdx.authz.decision} would allow on that resource (an
 * organization that may not act gets empty lists). Component names are the JSON keys the Rego reads.
 *
 * @param subject    who asks, with its organization's standing as for {@link AuthzInput}
 * @param resources  the resources of the page, as {@link AuthzInput.Resource}
 * @param operations {@code operations.get(i)}: the candidate operations (e.g. {@code license.approve}) for
 *                   {@code resources.get(i)}; a resource without its list gets none (fail closed)
 */
public record ActionsInput(Subject subject, List<AuthzInput.Resource> resources, List<List<String>> operations) {

    public ActionsInput {
        resources = resources == null ? List.of() : List.copyOf(resources);
        operations = operations == null ? List.of() : operations.stream()
                .map(list -> list == null ? List.<String>of() : List.copyOf(list)).toList();
    }
}
