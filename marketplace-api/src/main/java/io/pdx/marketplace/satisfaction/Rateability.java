package io.pdx.marketplace.satisfaction;

import io.pdx.contracts.catalog.RegistrationStatus;
import io.pdx.contracts.licensing.LicenseState;
import io.pdx.contracts.policy.Subject;
import io.pdx.contracts.sandbox.JobState;
import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.licensing.License;
import io.pdx.marketplace.sandbox.SandboxJob;

import java.util.EnumSet;
import java.util.Set;

/**
 * Whether a caller may rate or complain about a service event, asked after OPA allowed the operation: only the person
 * served may (else the event is {@link #HIDDEN}, a 404), and only once the service was rendered — the decision made
 * (else {@link #UNDECIDED}, a 409).
 * <ul>
 *     <li>a license decision: a license of the caller's organization, the caller its operator or developer, past
 *     APPLIED and IN_REVIEW;</li>
 *     <li>a result release: a sandbox job the caller submitted, RELEASED or REJECTED;</li>
 *     <li>a registration: a dataset version of the caller's department, the caller its provider, REGISTERED,
 *     RETURNED, CANCELLED or SUPERSEDED.</li>
 * </ul>
 */
enum Rateability {
    HIDDEN, UNDECIDED, RATEABLE;

    static final Set<LicenseState> LICENSE_UNDECIDED = EnumSet.of(LicenseState.APPLIED, LicenseState.IN_REVIEW);
    static final Set<JobState> RESULT_DECIDED = EnumSet.of(JobState.RELEASED, JobState.REJECTED);
    static final Set<RegistrationStatus> REGISTRATION_DECIDED = EnumSet.of(RegistrationStatus.REGISTERED,
            RegistrationStatus.RETURNED, RegistrationStatus.CANCELLED, RegistrationStatus.SUPERSEDED);

    static Rateability of(License license, Subject subject) {
        boolean served = license != null && subject.organization() != null
                && subject.organization().equals(license.organization)
                && (subject.roles().contains("operator") || subject.roles().contains("developer"));
        return !served ? HIDDEN : LICENSE_UNDECIDED.contains(license.state()) ? UNDECIDED : RATEABLE;
    }

    static Rateability of(SandboxJob job, Subject subject) {
        boolean served = job != null && subject.user() != null && subject.user().equals(job.submittedBy);
        return !served ? HIDDEN : RESULT_DECIDED.contains(job.state()) ? RATEABLE : UNDECIDED;
    }

    static Rateability of(Dataset dataset, Subject subject) {
        boolean served = dataset != null && subject.department() != null && subject.department().equals(dataset.provider)
                && subject.roles().contains("provider");
        return !served ? HIDDEN : REGISTRATION_DECIDED.contains(dataset.state()) ? RATEABLE : UNDECIDED;
    }
}
