package io.pdx.contracts.organization;

/** An operator organization's standing with the bureau: registered, verified, suspended (and reinstated). */
public enum OrganizationStatus {
    UNVERIFIED, VERIFIED, SUSPENDED;

}
