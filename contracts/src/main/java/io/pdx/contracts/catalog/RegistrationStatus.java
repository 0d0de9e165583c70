package io.pdx.contracts.catalog;

import java.util.Map;
import java.util.Set;

/**
 * Where a dataset version stands in registration (登记): a provider drafts and submits it, the
 * bureau registers it or returns it with reasons; a registered version is superseded when a newer
 * version of the same lineage is registered. The only way between states is this table.
 */
public enum RegistrationStatus {
    DRAFT, SUBMITTED, RETURNED, REGISTERED, SUPERSEDED;

    private static final Map<RegistrationStatus, Set<RegistrationStatus>> NEXT = Map.of(
            DRAFT, Set.of(SUBMITTED),
            SUBMITTED, Set.of(REGISTERED, RETURNED),
            RETURNED, Set.of(SUBMITTED),
            REGISTERED, Set.of(SUPERSEDED));

    public boolean canMoveTo(RegistrationStatus to) {
        return NEXT.getOrDefault(this, Set.of()).contains(to);
    }

    /** Whether the provider may still edit the content of a version in this state. */
    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}
