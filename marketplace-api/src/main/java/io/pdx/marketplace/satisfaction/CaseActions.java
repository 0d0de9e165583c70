package io.pdx.marketplace.satisfaction;

import io.pdx.contracts.policy.AuthzInput;
import io.pdx.contracts.policy.Subject;
import io.pdx.contracts.satisfaction.CaseView;
import io.pdx.marketplace.lifecycle.ActionSource;
import io.pdx.marketplace.lifecycle.Transition;
import io.pdx.marketplace.lifecycle.TransitionTable;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * The case transitions a caller may take on a case it is shown (answer, for the bureau). The view names neither the
 * organization nor the department of the person who opened it: the scopes are held when the answer is given.
 */
@ApplicationScoped
public class CaseActions implements ActionSource<CaseView> {

    @Override
    public Class<CaseView> viewType() {
        return CaseView.class;
    }

    @Override
    public AuthzInput.Resource resource(CaseView view) {
        return new AuthzInput.Resource("case", view.id().toString(), null, null, view.openedBy(), view.status().name());
    }

    @Override
    public List<? extends Transition<?>> offered(CaseView view, Subject subject) {
        return TransitionTable.offered(CaseTransition.class, view.status());
    }

    @Override
    public CaseView withActions(CaseView view, List<String> actions) {
        return view.withActions(actions);
    }
}
