package io.pdx.marketplace.product;

import io.pdx.contracts.product.ProductStatus;
import io.pdx.marketplace.lifecycle.Transition;

import static io.pdx.contracts.product.ProductStatus.LISTED;
import static io.pdx.contracts.product.ProductStatus.WITHDRAWN;
import static io.pdx.marketplace.lifecycle.Transition.Edge.caller;
import static io.pdx.marketplace.lifecycle.Transition.Edge.platform;

/**
 * The named transitions of a product: its holding department or the bureau withdraws it (下架), with a reason, or the
 * platform delists it when its registration is cancelled. A withdrawn product takes no new application (the license
 * policy refuses it); licenses already granted keep their term.
 */
public enum ProductTransition implements Transition<ProductStatus> {
    WITHDRAW(caller("withdraw", WITHDRAWN, LISTED)),
    /** The platform delists the products of a registration that was cancelled (注销登记). */
    DELIST(platform("delist", WITHDRAWN, LISTED));

    private final Edge<ProductStatus> edge;

    ProductTransition(Edge<ProductStatus> edge) {
        this.edge = edge;
    }

    @Override
    public Edge<ProductStatus> edge() {
        return edge;
    }

    @Override
    public String kind() {
        return "product";
    }
}
