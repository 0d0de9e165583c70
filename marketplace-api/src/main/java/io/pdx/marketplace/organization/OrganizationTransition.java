package io.pdx.marketplace.organization;

import io.pdx.contracts.organization.OrganizationStatus;
import io.pdx.marketplace.lifecycle.Transition;

import java.util.EnumSet;
import java.util.Set;

import static io.pdx.contracts.organization.OrganizationStatus.SUSPENDED;
import static io.pdx.contracts.organization.OrganizationStatus.UNVERIFIED;
import static io.pdx.contracts.organization.OrganizationStatus.VERIFIED;
import static io.pdx.marketplace.lifecycle.Transition.By.CALLER;

/**
 * The named transitions of an operator organization. Verifying (a reviewer, UNVERIFIED → VERIFIED) and
 * reinstating (the bureau's administrator, SUSPENDED → VERIFIED) reach the same state with different rights.
 */
public enum OrganizationTransition implements Transition<OrganizationStatus> {
    VERIFY(CALLER, "verify", VERIFIED, UNVERIFIED),
    SUSPEND(CALLER, "suspend", SUSPENDED, VERIFIED),
    REINSTATE(CALLER, "reinstate", VERIFIED, SUSPENDED);

    private final By by;
    private final String verb;
    private final OrganizationStatus target;
    private final Set<OrganizationStatus> sources;

    OrganizationTransition(By by, String verb, OrganizationStatus target, OrganizationStatus first, OrganizationStatus... more) {
        this.by = by;
        this.verb = verb;
        this.target = target;
        this.sources = EnumSet.of(first, more);
    }

    @Override
    public Set<OrganizationStatus> sources() {
        return sources;
    }

    @Override
    public OrganizationStatus target() {
        return target;
    }

    @Override
    public By by() {
        return by;
    }

    @Override
    public String kind() {
        return "organization";
    }

    @Override
    public String verb() {
        return verb;
    }
}
