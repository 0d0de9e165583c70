package io.pdx.contracts.licensing;

/** The life cycle of a license (授权): its transitions (marketplace-api's transition enums) are the only way between states. */
public enum LicenseState {
    APPLIED, IN_REVIEW, APPROVED, DENIED, REJECTED, ACTIVE, SUSPENDED, REVOKED, EXPIRED;

}
