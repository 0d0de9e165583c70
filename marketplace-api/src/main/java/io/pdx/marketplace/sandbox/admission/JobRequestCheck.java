package io.pdx.marketplace.sandbox.admission;

import io.pdx.contracts.sandbox.JobRequest;
import io.pdx.marketplace.problem.FieldCheck;

/** A job request against its schema ({@link JobRequest}'s, the same constants), and the rule of sql or templateId. */
final class JobRequestCheck {

    private JobRequestCheck() {
    }

    static FieldCheck of(JobRequest request) {
        FieldCheck check = new FieldCheck();
        if (request == null) {
            return check.schema("body", "a job needs licenseId and sql or templateId");
        }
        if (request.licenseId() == null) {
            check.schema("licenseId", "is required");
        }
        check.text("sql", request.sql(), false, false, JobRequest.MAX_SQL);
        check.text("templateId", request.templateId(), false, false, JobRequest.MAX_TEMPLATE_ID);
        if ((request.sql() != null) == (request.templateId() != null)) {
            check.rule(request.sql() != null ? "templateId" : "sql", "give either sql or templateId, not both");
        }
        if (request.params() != null) {
            request.params().forEach((name, value) -> check.text("params." + name, value, false, true, Integer.MAX_VALUE));
        }
        if (request.joinLicenseIds().size() > JobRequest.MAX_JOINED) {
            check.schema("joinLicenseIds", "at most " + JobRequest.MAX_JOINED + " further licenses");
        }
        for (int i = 0; i < request.joinLicenseIds().size(); i++) {
            if (request.joinLicenseIds().get(i) == null) {
                check.schema("joinLicenseIds[" + i + "]", "must be a license id");
            }
        }
        if (request.tableIds().size() > JobRequest.MAX_JOINED) {
            check.schema("tableIds", "at most " + JobRequest.MAX_JOINED + " tables");
        }
        for (int i = 0; i < request.tableIds().size(); i++) {
            if (request.tableIds().get(i) == null) {
                check.schema("tableIds[" + i + "]", "must be a table id");
            }
        }
        if (request.tableIds().stream().filter(java.util.Objects::nonNull).distinct().count()
                < request.tableIds().stream().filter(java.util.Objects::nonNull).count()) {
            check.rule("tableIds", "names a table twice");
        }
        if (request.licenseIds().stream().filter(java.util.Objects::nonNull).distinct().count()
                < request.licenseIds().stream().filter(java.util.Objects::nonNull).count()) {
            check.rule("joinLicenseIds", "names a license twice (the first license is licenseId)");
        }
        if (request.epsilon() != null && (request.epsilon().isNaN() || request.epsilon().isInfinite())) {
            check.schema("epsilon", "must be a number; the policy's range per query applies");
        }
        return check;
    }
}
