package io.pdx.marketplace.lifecycle;

import io.pdx.contracts.Page;
import io.pdx.contracts.policy.ActionsInput;
import io.pdx.contracts.policy.AllowedActions;
import io.pdx.contracts.policy.AuthzInput;
import io.pdx.contracts.policy.Subject;
import io.pdx.marketplace.security.CurrentSubject;
import io.pdx.marketplace.security.OrganizationStanding;
import io.pdx.policy.client.PolicyClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Tells the console which transitions the caller may take on each resource it is shown ({@code actions} of a license,
 * job, dataset or organization view, alone or in a page): the transitions that leave from the state the view shows,
 * kept where the policy allows them — one question to OPA ({@code data.pdx.authz.actions}) per response, so the console
 * never re-encodes state or role rules. Without an answer from OPA nothing is offered (the action itself is still
 * authorized when taken).
 */
public class OfferedActions {

    static final String PATH = "pdx/authz/actions";
    private static final Logger LOG = Logger.getLogger(OfferedActions.class);

    @Inject
    Instance<ActionSource<?>> sources;
    @Inject
    CurrentSubject currentSubject;
    @Inject
    OrganizationStanding standing;
    @Inject
    PolicyClient policy;

    @ServerResponseFilter
    public Uni<Void> offer(ContainerResponseContext response) {
        Object entity = response.getEntity();
        List<?> views = entity instanceof Page<?> page ? page.items() : entity == null ? List.of() : List.of(entity);
        ActionSource<Object> source = views.isEmpty() ? null : sourceOf(views.get(0).getClass());
        if (source == null) {
            return Uni.createFrom().voidItem();
        }
        Subject subject = currentSubject.get();
        List<AuthzInput.Resource> resources = new ArrayList<>();
        List<List<String>> candidates = new ArrayList<>();
        for (Object view : views) {
            resources.add(source.resource(view));
            candidates.add(source.offered(view, subject).stream().map(Transition::operation).distinct().toList());
        }
        if (!subject.authenticated() || candidates.stream().allMatch(List::isEmpty)) {
            return Uni.createFrom().voidItem();
        }
        return standing.of(subject)
                .flatMap(standingSubject -> policy.evaluate(PATH, new ActionsInput(standingSubject, resources, candidates),
                        AllowedActions.class))
                .invoke(answer -> {
                    List<Object> offered = new ArrayList<>();
                    List<List<String>> allowed = answer.result().allowed();
                    for (int i = 0; i < views.size(); i++) {
                        List<String> operations = i < allowed.size() ? allowed.get(i) : List.of();
                        offered.add(source.withActions(views.get(i), verbs(operations)));
                    }
                    response.setEntity(entity instanceof Page<?> page
                            ? new Page<>(offered, page.total(), page.page(), page.size()) : offered.get(0));
                })
                .onFailure().invoke(failure -> LOG.warnf("actions not offered: %s", failure.getClass().getSimpleName()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** {@code license.approve} → {@code approve}: the endpoint's last path segment. */
    static List<String> verbs(List<String> operations) {
        LinkedHashSet<String> verbs = new LinkedHashSet<>();
        operations.forEach(operation -> verbs.add(operation.substring(operation.lastIndexOf('.') + 1)));
        return List.copyOf(verbs);
    }

    @SuppressWarnings("unchecked")
    private ActionSource<Object> sourceOf(Class<?> type) {
        for (ActionSource<?> source : sources) {
            if (source.viewType() == type) {
                return (ActionSource<Object>) source;
            }
        }
        return null;
    }
}
