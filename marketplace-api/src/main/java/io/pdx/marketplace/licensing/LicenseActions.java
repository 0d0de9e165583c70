package io.pdx.marketplace.licensing;

import io.pdx.contracts.policy.AuthzInput;
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
    public List<? extends Transition<?>> offered(LicenseView view) {
        return TransitionTable.offered(LicenseTransition.class, view.state());
    }

    @Override
    public LicenseView withActions(LicenseView view, List<String> actions) {
        return view.withActions(actions);
    }
}
