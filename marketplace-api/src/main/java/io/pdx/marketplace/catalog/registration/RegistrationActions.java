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

    private final java.time.Clock clock;

    public RegistrationActions(java.time.Clock clock) {
        this.clock = clock;
    }

    /** The transitions from the view's state; registering only once its publicity window has ended. */
    @Override
    public List<? extends Transition<?>> offered(DatasetSummary view, Subject subject) {
        boolean windowOpen = view.publicityEndsAt() != null && java.time.OffsetDateTime.now(clock).isBefore(view.publicityEndsAt());
        return TransitionTable.offered(RegistrationTransition.class, view.status()).stream()
                .filter(transition -> !(windowOpen && transition == RegistrationTransition.REGISTER)).toList();
    }

    @Override
    public DatasetSummary withActions(DatasetSummary view, List<String> actions) {
        return view.withActions(actions);
    }
}
