package io.pdx.contracts.disclosure;

/** An annual disclosure is prepared as a DRAFT (prepared again as often as needed) and PUBLISHED once, then never changed. */
public enum DisclosureStatus {
    DRAFT, PUBLISHED
}
