package io.pdx.marketplace.security;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The API operations OPA authorizes ({@code data.pdx.authz}) that are not transitions, one constant each, named as in
 * {@code policy/data.json} under {@code pdx.config.authz.operations}: call sites name a constant, never a string. A
 * transition's operation derives from its table ({@link io.pdx.marketplace.lifecycle.Transition#operation()}).
 * {@code OperationTest} checks that these and the transitions' are the policy's list, both ways.
 */
public enum Operation {
    DATASET_LIST("dataset.list"),
    DATASET_READ("dataset.read"),
    DATASET_DCAT("dataset.dcat"),
    DATASET_OPEN_DATA("dataset.open_data"),
    REFERENCE_READ("reference.read"),
    DATASET_CREATE("dataset.create"),
    DATASET_UPDATE("dataset.update"),
    DATASET_VERSION("dataset.version"),
    DATASET_IMPORT("dataset.import"),
    DATASET_QUALITY("dataset.quality"),
    DATASET_USAGE("dataset.usage"),
    OBJECTION_LODGE("objection.lodge"),
    OBJECTION_LIST("objection.list"),
    OBJECTION_READ("objection.read"),
    REGISTRATION_PUBLICITY("registration.publicity"),
    CERTIFICATE_VERIFY("certificate.verify"),
    ORGANIZATION_CREATE("organization.create"),
    ORGANIZATION_LIST("organization.list"),
    ORGANIZATION_READ("organization.read"),
    PRODUCT_CREATE("product.create"),
    PRODUCT_CONSENT("product.consent"),
    PRODUCT_LIST("product.list"),
    PRODUCT_READ("product.read"),
    PRODUCT_DELIVERY("product.delivery"),
    PRODUCT_REPRICE("product.reprice"),
    FEES_READ("fees.read"),
    DISCLOSURE_LIST("disclosure.list"),
    DISCLOSURE_READ("disclosure.read"),
    DISCLOSURE_PREPARE("disclosure.prepare"),
    LICENSE_APPLY("license.apply"),
    LICENSE_LIST("license.list"),
    LICENSE_READ("license.read"),
    JOB_SUBMIT("job.submit"),
    JOB_LIST("job.list"),
    JOB_READ("job.read"),
    JOB_RESULT("job.result"),
    TABLE_UPLOAD("table.upload"),
    TABLE_LIST("table.list"),
    TABLE_READ("table.read"),
    LEDGER_READ("ledger.read"),
    LEDGER_CLOSE("ledger.close"),
    LEDGER_PERIODS("ledger.periods"),
    AUDIT_READ("audit.read"),
    INVOICE_LIST("invoice.list"),
    INVOICE_READ("invoice.read"),
    ALLOWANCE_READ("allowance.read"),
    ALLOWANCE_SET("allowance.set"),
    AUDIT_VERIFY("audit.verify"),
    EFFICIENCY_READ("efficiency.read"),
    RATING_CREATE("rating.create"),
    RATING_LIST("rating.list"),
    COMPLAINT_CREATE("complaint.create"),
    CASE_LIST("case.list"),
    CASE_READ("case.read"),
    SATISFACTION_SUMMARY("satisfaction.summary");

    private static final Map<String, Operation> BY_POLICY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Operation::policyName, Function.identity()));

    private final String policyName;

    Operation(String policyName) {
        this.policyName = policyName;
    }

    /** The name OPA's data and decision logs use, e.g. {@code license.approve}. */
    public String policyName() {
        return policyName;
    }

    public static Operation ofPolicyName(String name) {
        Operation operation = BY_POLICY_NAME.get(name);
        if (operation == null) {
            throw new IllegalArgumentException("no such operation: " + name);
        }
        return operation;
    }
}
