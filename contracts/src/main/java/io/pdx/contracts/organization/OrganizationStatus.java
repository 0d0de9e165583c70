package io.pdx.contracts.organization;

import java.util.Map;
import java.util.Set;

/** An operator organization's standing with the bureau: registered, verified, suspended (and reinstated). */
public enum OrganizationStatus {
    UNVERIFIED, VERIFIED, SUSPENDED;

    private static final Map<OrganizationStatus, Set<OrganizationStatus>> NEXT = Map.of(
            UNVERIFIED, Set.of(VERIFIED),
            VERIFIED, Set.of(SUSPENDED),
            SUSPENDED, Set.of(VERIFIED));

    public boolean canMoveTo(OrganizationStatus to) {
        return NEXT.getOrDefault(this, Set.of()).contains(to);
    }
}
