package io.pdx.contracts.catalog;

/**
 * Where a dataset version stands in registration (登记): a provider drafts and submits it, the
 * bureau registers it or returns it with reasons; a registered version is superseded when a newer
 * version of the same lineage is registered. Its transitions (marketplace-api's) are the only way between states.
 */
public enum RegistrationStatus {
    DRAFT, SUBMITTED, RETURNED, REGISTERED, SUPERSEDED;


    /** Whether the provider may still edit the content of a version in this state. */
    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}
