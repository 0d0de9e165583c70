package io.pdx.marketplace.licensing;

import io.pdx.contracts.policy.AuthzInput;
import io.pdx.contracts.policy.Subject;
import io.pdx.contracts.licensing.LicenseView;
import io.pdx.marketplace.lifecycle.ActionSource;
import io.pdx.marketplace.lifecycle.TransitionTable;
import io.pdx.marketplace.lifecycle.Transition;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The transitions a caller may take on a license it is shown. */
@ApplicationScoped
public class LicenseActions implements ActionSource<LicenseView> {

    @Override
    public Class<LicenseView> viewType() {
        return LicenseView.class;
    }

    @Override
    public AuthzInput.Resource resource(LicenseView view) {
        return License.resource(view.id(), view.organization(), view.applicant(), view.state());
    }

    @Override
    public List<? extends Transition<?>> offered(LicenseView view, Subject subject) {
        boolean approvedAlready = subject.user() != null && view.approvedBy() != null && view.approvedBy().contains(subject.user());
        return TransitionTable.offered(LicenseTransition.class, view.state()).stream()
                .filter(transition -> !(approvedAlready && transition.verb().equals("approve"))) // one approval per reviewer
                .toList();
    }

    @Override
    public LicenseView withActions(LicenseView view, List<String> actions) {
        return view.withActions(actions);
    }
}
