package io.pdx.contracts.policy;

/** The outcomes of {@code data.pdx.license.decision}: 秒批 (approved at once), human review, or denied. */
public enum LicenseOutcome {
    AUTO_APPROVE, REVIEW, DENY;

    /** The outcome of a decision; anything unknown is a denial (fail closed). */
    public static LicenseOutcome of(String outcome) {
        for (LicenseOutcome known : values()) {
            if (known.name().equals(outcome)) {
                return known;
            }
        }
        return DENY;
    }
}
