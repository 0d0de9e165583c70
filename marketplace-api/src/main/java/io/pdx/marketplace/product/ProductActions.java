package io.pdx.marketplace.product;

import io.pdx.contracts.policy.AuthzInput;
import io.pdx.contracts.policy.Subject;
import io.pdx.contracts.product.ProductView;
import io.pdx.marketplace.lifecycle.ActionSource;
import io.pdx.marketplace.lifecycle.Transition;
import io.pdx.marketplace.lifecycle.TransitionTable;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * The product transitions a caller may take on a product it is shown (withdraw, for its holding department and the
 * bureau), the department scope read from the view's provider.
 */
@ApplicationScoped
public class ProductActions implements ActionSource<ProductView> {

    @Override
    public Class<ProductView> viewType() {
        return ProductView.class;
    }

    @Override
    public AuthzInput.Resource resource(ProductView view) {
        return new AuthzInput.Resource("product", view.id().toString(), null, view.provider(), view.createdBy(),
                view.status().name());
    }

    @Override
    public List<? extends Transition<?>> offered(ProductView view, Subject subject) {
        return TransitionTable.offered(ProductTransition.class, view.status());
    }

    @Override
    public ProductView withActions(ProductView view, List<String> actions) {
        return view.withActions(actions);
    }
}
