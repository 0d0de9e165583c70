package io.pdx.marketplace.organization;

import io.pdx.contracts.policy.AuthzInput;
import io.pdx.contracts.policy.Subject;
import io.pdx.contracts.organization.OrganizationView;
import io.pdx.marketplace.lifecycle.ActionSource;
import io.pdx.marketplace.lifecycle.TransitionTable;
import io.pdx.marketplace.lifecycle.Transition;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The transitions a caller may take on an organization it is shown. */
@ApplicationScoped
public class OrganizationActions implements ActionSource<OrganizationView> {

    @Override
    public Class<OrganizationView> viewType() {
        return OrganizationView.class;
    }

    @Override
    public AuthzInput.Resource resource(OrganizationView view) {
        return Organization.resource(view.id(), view.status());
    }

    @Override
    public List<? extends Transition<?>> offered(OrganizationView view, Subject subject) {
        return TransitionTable.offered(OrganizationTransition.class, view.status());
    }

    @Override
    public OrganizationView withActions(OrganizationView view, List<String> actions) {
        return view.withActions(actions);
    }
}
