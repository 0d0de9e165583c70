package io.pdx.marketplace.satisfaction;

import io.pdx.contracts.satisfaction.CaseStatus;
import io.pdx.marketplace.lifecycle.Transition;

import static io.pdx.contracts.satisfaction.CaseStatus.ANSWERED;
import static io.pdx.contracts.satisfaction.CaseStatus.OPEN;
import static io.pdx.marketplace.lifecycle.Transition.Edge.caller;

/**
 * The named transitions of a case (工单) a poor rating or a complaint opened: a bureau reviewer answers it in writing
 * (整改答复), on time or late.
 */
public enum CaseTransition implements Transition<CaseStatus> {
    ANSWER(caller("answer", ANSWERED, OPEN));

    private final Edge<CaseStatus> edge;

    CaseTransition(Edge<CaseStatus> edge) {
        this.edge = edge;
    }

    @Override
    public Edge<CaseStatus> edge() {
        return edge;
    }

    @Override
    public String kind() {
        return "case";
    }
}
