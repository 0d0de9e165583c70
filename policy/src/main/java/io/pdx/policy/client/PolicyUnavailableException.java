package io.pdx.policy.client;

/**
 * OPA could not be asked, answered with an error, or answered nothing for the path. Every
 * caller treats it as a denial; services render it as 503 problem+json.
 */
public class PolicyUnavailableException extends RuntimeException {

    private final String policyPath;

    public PolicyUnavailableException(String policyPath, String reason, Throwable cause) {
        super("policy decision unavailable for " + policyPath + ": " + reason, cause);
        this.policyPath = policyPath;
    }

    public String policyPath() {
        return policyPath;
    }
}
