package io.pdx.marketplace.catalog.registration;

import io.pdx.contracts.policy.AuthzInput;
import io.pdx.contracts.policy.Subject;
import io.pdx.contracts.catalog.DatasetSummary;
import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.lifecycle.ActionSource;
import io.pdx.marketplace.lifecycle.TransitionTable;
import io.pdx.marketplace.lifecycle.Transition;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The registration transitions a caller may take on a dataset version it is shown (the view names no submitter: the four-eyes rule is held when the transition is taken). */
@ApplicationScoped
public class RegistrationActions implements ActionSource<DatasetSummary> {

    @Override
    public Class<DatasetSummary> viewType() {
        return DatasetSummary.class;
    }

    @Override
    public AuthzInput.Resource resource(DatasetSummary view) {
        return Dataset.resource(view.id(), view.provider(), null, view.status());
    }

    /**
     * The transitions from the view's state. Register is offered in publicity even before the window's end (the
     * console shows it disabled with the reason, from publicityEndsAt; taking it early is a 409 {@code publicity-open}).
     */
    @Override
    public List<? extends Transition<?>> offered(DatasetSummary view, Subject subject) {
        return TransitionTable.offered(RegistrationTransition.class, view.status());
    }

    @Override
    public DatasetSummary withActions(DatasetSummary view, List<String> actions) {
        return view.withActions(actions);
    }
}
