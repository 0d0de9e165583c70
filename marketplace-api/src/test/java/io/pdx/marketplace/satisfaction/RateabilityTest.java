package io.pdx.marketplace.satisfaction;

import io.pdx.contracts.Grade;
import io.pdx.contracts.catalog.RegistrationStatus;
import io.pdx.contracts.licensing.LicenseState;
import io.pdx.contracts.policy.Subject;
import io.pdx.contracts.sandbox.JobState;
import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.licensing.License;
import io.pdx.marketplace.sandbox.SandboxJob;
import io.pdx.marketplace.testing.FixtureStates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Who is the person served by each kind of service event, and when the event is decided — the fast tier, no stack. */
class RateabilityTest {

    static final String ORG_B = "91110000600037341L";
    static final Subject DEVELOPER_B = new Subject(true, "developer-b", List.of("developer"), ORG_B, null);
    static final Subject OPERATOR_B = new Subject(true, "operator-b", List.of("operator"), ORG_B, null);
    static final Subject OPERATOR_A = new Subject(true, "operator-a", List.of("operator"), "91350100M000100Y43", null);
    static final Subject PROVIDER_TRANSPORT = new Subject(true, "provider-transport", List.of("provider"), null, "dept-transport");
    static final Subject PROVIDER_MARKET = new Subject(true, "provider-market", List.of("provider"), null, "dept-market");
    static final Subject REVIEWER = new Subject(true, "reviewer-1", List.of("bureau-reviewer"), null, null);

    @ParameterizedTest
    @EnumSource(JobState.class)
    void aResultRelease_isRatedBy_whoSubmittedTheJob_onceReleasedOrRejected(JobState state) {
        SandboxJob job = FixtureStates.inState(new SandboxJob(), state);
        job.organization = ORG_B;
        job.submittedBy = "developer-b";
        Rateability expected = state == JobState.RELEASED || state == JobState.REJECTED ? Rateability.RATEABLE : Rateability.UNDECIDED;
        assertEquals(expected, Rateability.of(job, DEVELOPER_B));
        // a colleague of the same organization was not served by it, nor the bureau
        assertEquals(Rateability.HIDDEN, Rateability.of(job, OPERATOR_B));
        assertEquals(Rateability.HIDDEN, Rateability.of(job, REVIEWER));
    }

    @Test
    void noJob_isHidden() {
        assertEquals(Rateability.HIDDEN, Rateability.of((SandboxJob) null, DEVELOPER_B));
    }

    @ParameterizedTest
    @EnumSource(LicenseState.class)
    void aLicenseDecision_isRatedBy_itsOrganizationsOperatorOrDeveloper_onceDecided(LicenseState state) {
        License license = FixtureStates.inState(new License(), state);
        license.organization = ORG_B;
        Rateability expected = state == LicenseState.APPLIED || state == LicenseState.IN_REVIEW ? Rateability.UNDECIDED
                : Rateability.RATEABLE;
        assertEquals(expected, Rateability.of(license, OPERATOR_B));
        assertEquals(expected, Rateability.of(license, DEVELOPER_B));
        assertEquals(Rateability.HIDDEN, Rateability.of(license, OPERATOR_A));
        assertEquals(Rateability.HIDDEN, Rateability.of(license, REVIEWER));
    }

    @ParameterizedTest
    @EnumSource(RegistrationStatus.class)
    void aRegistration_isRatedBy_itsDepartmentsProvider_onceDecided(RegistrationStatus status) {
        Dataset dataset = FixtureStates.inState(new Dataset(), status);
        dataset.provider = "dept-transport";
        dataset.grade = Grade.GENERAL;
        boolean decided = switch (status) {
            case REGISTERED, RETURNED, CANCELLED, SUPERSEDED -> true;
            default -> false;
        };
        assertEquals(decided ? Rateability.RATEABLE : Rateability.UNDECIDED, Rateability.of(dataset, PROVIDER_TRANSPORT));
        assertEquals(Rateability.HIDDEN, Rateability.of(dataset, PROVIDER_MARKET));
        assertEquals(Rateability.HIDDEN, Rateability.of(dataset, OPERATOR_B));
    }
}
