package io.pdx.marketplace.organization;

import io.pdx.contracts.organization.OrganizationStatus;
import io.pdx.marketplace.lifecycle.Transition;

import static io.pdx.contracts.organization.OrganizationStatus.SUSPENDED;
import static io.pdx.contracts.organization.OrganizationStatus.UNVERIFIED;
import static io.pdx.contracts.organization.OrganizationStatus.VERIFIED;
import static io.pdx.marketplace.lifecycle.Transition.Edge.caller;

/**
 * The named transitions of an operator organization. Verifying (a reviewer, UNVERIFIED → VERIFIED) and
 * reinstating (the bureau's administrator, SUSPENDED → VERIFIED) reach the same state with different rights.
 */
public enum OrganizationTransition implements Transition<OrganizationStatus> {
    VERIFY(caller("verify", VERIFIED, UNVERIFIED)),
    SUSPEND(caller("suspend", SUSPENDED, VERIFIED)),
    REINSTATE(caller("reinstate", VERIFIED, SUSPENDED));

    private final Edge<OrganizationStatus> edge;

    OrganizationTransition(Edge<OrganizationStatus> edge) {
        this.edge = edge;
    }

    @Override
    public Edge<OrganizationStatus> edge() {
        return edge;
    }

    @Override
    public String kind() {
        return "organization";
    }
}
