package io.pdx.marketplace.audit;

/**
 * What an audit event records, one constant each; its {@link #action()} is the name stored in the trail
 * (e.g. {@code license.accept}). Transitions name theirs; so do the other audited acts.
 */
public enum AuditAction {
    DATASET_CREATE("dataset.create"),
    DATASET_UPDATE("dataset.update"),
    DATASET_VERSION("dataset.version"),
    ORGANIZATION_CREATE("organization.create"),
    PRODUCT_CREATE("product.create"),
    PRODUCT_DELIST("product.delist"),
    PRODUCT_RELIST("product.relist"),
    PRODUCT_DELIVERY("product.delivery"),
    PRODUCT_REPRICE("product.reprice"),
    DISCLOSURE_PREPARE("disclosure.prepare"),
    /** 开放数据下载: anyone's download of an open dataset (actor "anonymous" when not signed in). */
    OPEN_DATA_DOWNLOAD("dataset.open_data"),
    LICENSE_APPLY("license.apply"),
    JOB_REFUSE("job.refuse"),
    JOB_DOWNLOAD("job.download"),
    TABLE_UPLOAD("table.upload"),
    LEDGER_CHARGE("ledger.charge"),
    LEDGER_CLOSE("ledger.close"),
    ALLOWANCE_SET("allowance.set"),
    /** A read of the regulator (监管), recorded before it is answered. */
    SUPERVISION_READ("supervision.read");

    private final String action;

    AuditAction(String action) {
        this.action = action;
    }

    public String action() {
        return action;
    }
}
