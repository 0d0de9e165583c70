package io.pdx.marketplace.disclosure;

import io.pdx.contracts.disclosure.DisclosureView;
import io.pdx.contracts.policy.AuthzInput;
import io.pdx.contracts.policy.Subject;
import io.pdx.marketplace.lifecycle.ActionSource;
import io.pdx.marketplace.lifecycle.Transition;
import io.pdx.marketplace.lifecycle.TransitionTable;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The disclosure transitions a caller may take now: publish a draft, once its year is over (the bureau administrator). */
@ApplicationScoped
public class DisclosureActions implements ActionSource<DisclosureView> {

    private final AnnualDisclosures disclosures;

    public DisclosureActions(AnnualDisclosures disclosures) {
        this.disclosures = disclosures;
    }

    @Override
    public Class<DisclosureView> viewType() {
        return DisclosureView.class;
    }

    @Override
    public AuthzInput.Resource resource(DisclosureView view) {
        return new AuthzInput.Resource("disclosure", Integer.toString(view.year()), null, null, null, view.status().name());
    }

    @Override
    public List<? extends Transition<?>> offered(DisclosureView view, Subject subject) {
        return view.year() < disclosures.currentYear() ? TransitionTable.offered(DisclosureTransition.class, view.status()) : List.of();
    }

    @Override
    public DisclosureView withActions(DisclosureView view, List<String> actions) {
        return view.withActions(actions);
    }
}
