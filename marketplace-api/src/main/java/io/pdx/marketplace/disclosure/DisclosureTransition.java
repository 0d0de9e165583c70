package io.pdx.marketplace.disclosure;

import io.pdx.contracts.disclosure.DisclosureStatus;
import io.pdx.marketplace.lifecycle.Transition;

import static io.pdx.contracts.disclosure.DisclosureStatus.DRAFT;
import static io.pdx.contracts.disclosure.DisclosureStatus.PUBLISHED;
import static io.pdx.marketplace.lifecycle.Transition.Edge.caller;

/**
 * The one transition of an annual disclosure: the bureau publishes a draft (once the year is over); a published
 * disclosure is never changed (the database refuses it too).
 */
public enum DisclosureTransition implements Transition<DisclosureStatus> {
    PUBLISH(caller("publish", PUBLISHED, DRAFT));

    private final Edge<DisclosureStatus> edge;

    DisclosureTransition(Edge<DisclosureStatus> edge) {
        this.edge = edge;
    }

    @Override
    public Edge<DisclosureStatus> edge() {
        return edge;
    }

    @Override
    public String kind() {
        return "disclosure";
    }
}
