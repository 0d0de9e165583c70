package io.pdx.marketplace.sandbox;

import io.pdx.contracts.policy.AuthzInput;
import io.pdx.contracts.policy.Subject;
import io.pdx.contracts.sandbox.JobView;
import io.pdx.marketplace.lifecycle.ActionSource;
import io.pdx.marketplace.lifecycle.TransitionTable;
import io.pdx.marketplace.lifecycle.Transition;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The transitions a caller may take on a job it is shown, from the state it may see (its requester: ADMITTED until the slot begins). */
@ApplicationScoped
public class JobActions implements ActionSource<JobView> {

    @Override
    public Class<JobView> viewType() {
        return JobView.class;
    }

    @Override
    public AuthzInput.Resource resource(JobView view) {
        return SandboxJob.resource(view.id(), view.organization(), view.submittedBy(), view.state());
    }

    @Override
    public List<? extends Transition<?>> offered(JobView view, Subject subject) {
        return TransitionTable.offered(JobTransition.class, view.state());
    }

    @Override
    public JobView withActions(JobView view, List<String> actions) {
        return view.withActions(actions);
    }
}
