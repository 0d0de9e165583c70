package io.pdx.marketplace.ledger;

import io.pdx.contracts.ledger.InvoiceLineView;
import io.pdx.contracts.policy.AuthzInput;
import io.pdx.contracts.policy.Subject;
import io.pdx.marketplace.lifecycle.ActionSource;
import io.pdx.marketplace.lifecycle.Transition;
import io.pdx.marketplace.lifecycle.TransitionTable;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The invoice transitions a caller may take on a line it is shown: pay or reverse, for the bureau administrator. */
@ApplicationScoped
public class InvoiceActions implements ActionSource<InvoiceLineView> {

    @Override
    public Class<InvoiceLineView> viewType() {
        return InvoiceLineView.class;
    }

    @Override
    public AuthzInput.Resource resource(InvoiceLineView view) {
        return new AuthzInput.Resource("invoice", view.id().toString(), view.organization(), null, null, view.status().name());
    }

    @Override
    public List<? extends Transition<?>> offered(InvoiceLineView view, Subject subject) {
        return TransitionTable.offered(InvoiceTransition.class, view.status());
    }

    @Override
    public InvoiceLineView withActions(InvoiceLineView view, List<String> actions) {
        return view.withActions(actions);
    }
}
