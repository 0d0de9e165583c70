package io.pdx.marketplace.catalog.registration;

import io.pdx.contracts.catalog.ObjectionStatus;
import io.pdx.marketplace.lifecycle.Transition;

import static io.pdx.contracts.catalog.ObjectionStatus.DISMISSED;
import static io.pdx.contracts.catalog.ObjectionStatus.OPEN;
import static io.pdx.contracts.catalog.ObjectionStatus.UPHELD;
import static io.pdx.contracts.catalog.ObjectionStatus.UPHOLD_PROPOSED;
import static io.pdx.marketplace.lifecycle.Transition.Edge.caller;

/**
 * The named transitions of an objection (异议) to a registration in publicity: a reviewer proposes to uphold it and
 * another confirms (four eyes; the registration then returns to review), or a reviewer dismisses it; both with a
 * written answer.
 */
public enum ObjectionTransition implements Transition<ObjectionStatus> {
    UPHOLD(caller("uphold", UPHOLD_PROPOSED, OPEN)),
    CONFIRM(caller("confirm", UPHELD, UPHOLD_PROPOSED)),
    DISMISS(caller("dismiss", DISMISSED, OPEN, UPHOLD_PROPOSED));

    private final Edge<ObjectionStatus> edge;

    ObjectionTransition(Edge<ObjectionStatus> edge) {
        this.edge = edge;
    }

    @Override
    public Edge<ObjectionStatus> edge() {
        return edge;
    }

    @Override
    public String kind() {
        return "objection";
    }
}
