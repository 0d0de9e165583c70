package io.pdx.contracts.catalog;

/**
 * What a registration records (登记类型): the first registration of a resource, or a later one that amends a
 * registered version — a change of its content (变更), a correction of its record (更正) or its cancellation (注销,
 * which delists its products).
 */
public enum RegistrationType {
    INITIAL, CHANGE, CORRECTION, CANCELLATION;

    /** Whether this registration amends a registered version of its lineage. */
    public boolean amends() {
        return this != INITIAL;
    }
}
