package io.pdx.contracts.policy;

/** The outcomes of {@code data.pdx.sandbox.release}: released at once, reviewed by the bureau, or refused. */
public enum ReleaseOutcome {
    AUTO, REVIEW, DENY;

    /** The outcome of a decision; anything unknown is a refusal (fail closed). */
    public static ReleaseOutcome of(String outcome) {
        for (ReleaseOutcome known : values()) {
            if (known.name().equals(outcome)) {
                return known;
            }
        }
        return DENY;
    }
}
