package io.pdx.marketplace.catalog.registration;

import io.pdx.contracts.catalog.ObjectionView;
import io.pdx.contracts.policy.AuthzInput;
import io.pdx.contracts.policy.Subject;
import io.pdx.marketplace.lifecycle.ActionSource;
import io.pdx.marketplace.lifecycle.Transition;
import io.pdx.marketplace.lifecycle.TransitionTable;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * The objection transitions a caller may take on an objection it is shown. The view names neither the holding
 * department nor who proposed an uphold: the department scope and the four-eyes rule are held when a transition is taken.
 */
@ApplicationScoped
public class ObjectionActions implements ActionSource<ObjectionView> {

    @Override
    public Class<ObjectionView> viewType() {
        return ObjectionView.class;
    }

    @Override
    public AuthzInput.Resource resource(ObjectionView view) {
        return new AuthzInput.Resource("objection", view.id().toString(), null, null, view.lodgedBy(), view.status().name());
    }

    @Override
    public List<? extends Transition<?>> offered(ObjectionView view, Subject subject) {
        return TransitionTable.offered(ObjectionTransition.class, view.status());
    }

    @Override
    public ObjectionView withActions(ObjectionView view, List<String> actions) {
        return new ObjectionView(view.id(), view.datasetId(), view.status(), view.reasons(), view.lodgedBy(),
                view.lodgedAt(), view.answer(), view.answeredAt(), actions);
    }
}
