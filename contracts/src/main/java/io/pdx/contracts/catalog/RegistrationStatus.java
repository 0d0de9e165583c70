package io.pdx.contracts.catalog;

/**
 * Where a dataset version stands in registration (登记, 公共数据资源登记管理暂行办法): a provider drafts and submits
 * it; the bureau's formal review returns it with reasons or accepts it into publicity (公示), a window in which anyone
 * signed in may object (异议); when the window ends with no objection pending it is registered, and an upheld
 * objection sends it back to review. A registered version is superseded when a newer version of its lineage is
 * registered, and cancelled when a cancellation registration of its lineage is. Its transitions (marketplace-api's)
 * are the only way between states.
 */
public enum RegistrationStatus {
    DRAFT, SUBMITTED, RETURNED, PUBLICITY, REGISTERED, SUPERSEDED, CANCELLED;


    /** Whether the provider may still edit the content of a version in this state. */
    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}
