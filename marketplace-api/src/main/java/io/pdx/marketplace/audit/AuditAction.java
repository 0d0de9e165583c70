package io.pdx.marketplace.audit;

/**
 * What an audit event records, one constant each; its {@link #action()} is the name stored in the trail
 * (e.g. {@code license.accept}). Transitions name theirs; so do the other audited acts.
 */
public enum AuditAction {
    DATASET_CREATE("dataset.create"),
    DATASET_UPDATE("dataset.update"),
    DATASET_SUBMIT("dataset.submit"),
    DATASET_REGISTER("dataset.register"),
    DATASET_RETURN("dataset.return"),
    DATASET_VERSION("dataset.version"),
    DATASET_SUPERSEDE("dataset.supersede"),
    ORGANIZATION_CREATE("organization.create"),
    ORGANIZATION_VERIFY("organization.verify"),
    ORGANIZATION_SUSPEND("organization.suspend"),
    ORGANIZATION_REINSTATE("organization.reinstate"),
    PRODUCT_CREATE("product.create"),
    PRODUCT_DELIST("product.delist"),
    PRODUCT_RELIST("product.relist"),
    PRODUCT_DELIVERY("product.delivery"),
    LICENSE_APPLY("license.apply"),
    LICENSE_APPROVE("license.approve"),
    LICENSE_REJECT("license.reject"),
    LICENSE_ACCEPT("license.accept"),
    LICENSE_SUSPEND("license.suspend"),
    LICENSE_RESUME("license.resume"),
    LICENSE_REVOKE("license.revoke"),
    LICENSE_EXPIRE("license.expire"),
    JOB_REFUSE("job.refuse"),
    JOB_ADMIT("job.admit"),
    JOB_START("job.start"),
    JOB_RUN("job.run"),
    JOB_FAIL("job.fail"),
    JOB_RELEASED("job.released"),
    JOB_AWAITING_RELEASE("job.awaiting_release"),
    JOB_REJECTED("job.rejected"),
    JOB_RELEASE("job.release"),
    JOB_REJECT("job.reject"),
    JOB_CANCEL("job.cancel"),
    JOB_DOWNLOAD("job.download"),
    LEDGER_CHARGE("ledger.charge"),
    LEDGER_REVERSE("ledger.reverse");

    private final String action;

    AuditAction(String action) {
        this.action = action;
    }

    public String action() {
        return action;
    }
}
