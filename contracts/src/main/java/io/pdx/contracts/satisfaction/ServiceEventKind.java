package io.pdx.contracts.satisfaction;

/**
 * The service events a person served may rate or complain about: the decision on a license application (its
 * organization's operator or developer), the release or rejection of a sandbox job's result (who submitted it), and
 * the decision on a registration (its department's provider).
 */
public enum ServiceEventKind {
    LICENSE_DECISION, RESULT_RELEASE, REGISTRATION
}
