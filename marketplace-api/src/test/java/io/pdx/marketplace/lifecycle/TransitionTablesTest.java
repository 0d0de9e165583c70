package io.pdx.marketplace.lifecycle;

import io.pdx.contracts.catalog.RegistrationStatus;
import io.pdx.contracts.licensing.LicenseState;
import io.pdx.contracts.organization.OrganizationStatus;
import io.pdx.contracts.sandbox.JobState;
import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.catalog.registration.RegistrationTransition;
import io.pdx.marketplace.licensing.License;
import io.pdx.marketplace.licensing.LicenseTransition;
import io.pdx.marketplace.organization.Organization;
import io.pdx.marketplace.organization.OrganizationTransition;
import io.pdx.marketplace.problem.IllegalTransition;
import io.pdx.marketplace.sandbox.JobTransition;
import io.pdx.marketplace.sandbox.SandboxJob;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every named transition of every aggregate against every state — the fast tier, no stack. */
class TransitionTablesTest {

    @Nested
    class Licenses {

        @TestFactory
        List<DynamicTest> everyTransition_fromEveryState() {
            return TransitionWalk.of(LicenseTransition.values(), LicenseState.values(), Licenses::inState, LicenseState::canMoveTo);
        }

        @Test
        void wellFormed() {
            TransitionWalk.wellFormed(LicenseTransition.values(), transition -> Set.of(LicenseTransition.AUTO_APPROVE,
                    LicenseTransition.SEND_TO_REVIEW, LicenseTransition.DENY, LicenseTransition.EXPIRE).contains(transition));
        }

        /** The bypass: an operator "accepting" a SUSPENDED license again would reactivate it; resuming is the bureau's. */
        @Test
        void accept_ofASuspendedLicense_isA409_notAResumption() {
            License suspended = inState(LicenseState.SUSPENDED);
            assertEquals(409, assertThrows(IllegalTransition.class, () -> suspended.apply(LicenseTransition.ACCEPT, "operator-a")).status());
            assertEquals(LicenseState.SUSPENDED, suspended.state);
        }

        @Test
        void accept_stampsWhoAcceptedAndWhen() {
            License approved = inState(LicenseState.APPROVED);
            approved.apply(LicenseTransition.ACCEPT, "operator-a");
            assertEquals("operator-a", approved.acceptedBy);
            assertEquals(LicenseState.ACTIVE, approved.state);
        }

        static License inState(LicenseState state) {
            License license = new License();
            license.id = UUID.randomUUID();
            license.state = state;
            return license;
        }
    }

    @Nested
    class Organizations {

        @TestFactory
        List<DynamicTest> everyTransition_fromEveryState() {
            return TransitionWalk.of(OrganizationTransition.values(), OrganizationStatus.values(), Organizations::inState,
                    OrganizationStatus::canMoveTo);
        }

        @Test
        void wellFormed() {
            TransitionWalk.wellFormed(OrganizationTransition.values(), transition -> false);
        }

        /** The bypass: a reviewer "verifying" a SUSPENDED organization would reinstate it; that is the administrator's. */
        @Test
        void verify_ofASuspendedOrganization_isA409_notAReinstatement() {
            Organization suspended = inState(OrganizationStatus.SUSPENDED);
            assertEquals(409, assertThrows(IllegalTransition.class, () -> suspended.apply(OrganizationTransition.VERIFY, "reviewer-1"))
                    .status());
        }

        static Organization inState(OrganizationStatus status) {
            Organization organization = new Organization();
            organization.uscc = "91350100M000100Y43";
            organization.status = status;
            return organization;
        }
    }

    @Nested
    class Registrations {

        @TestFactory
        List<DynamicTest> everyTransition_fromEveryState() {
            return TransitionWalk.of(RegistrationTransition.values(), RegistrationStatus.values(), Registrations::inState,
                    RegistrationStatus::canMoveTo);
        }

        @Test
        void wellFormed() {
            TransitionWalk.wellFormed(RegistrationTransition.values(), transition -> transition == RegistrationTransition.SUPERSEDE);
        }

        @Test
        void submit_stampsTheSubmitter() {
            Dataset draft = inState(RegistrationStatus.DRAFT);
            draft.apply(RegistrationTransition.SUBMIT, "provider-transport");
            assertEquals("provider-transport", draft.submittedBy);
        }

        static Dataset inState(RegistrationStatus status) {
            Dataset dataset = new Dataset();
            dataset.id = UUID.randomUUID();
            dataset.status = status;
            dataset.grade = io.pdx.contracts.Grade.GENERAL;
            dataset.provider = "dept-transport";
            return dataset;
        }
    }

    @Nested
    class Jobs {

        @TestFactory
        List<DynamicTest> everyTransition_fromEveryState() {
            return TransitionWalk.of(JobTransition.values(), JobState.values(), Jobs::inState, JobState::canMoveTo);
        }

        @Test
        void wellFormed() {
            TransitionWalk.wellFormed(JobTransition.values(), transition -> transition.operation() == null
                    && !Set.of(JobTransition.RELEASE, JobTransition.REJECT, JobTransition.CANCEL).contains(transition));
        }

        /** The bypass: a result whose release decision is still pending (SUCCEEDED) cannot be released by hand. */
        @Test
        void release_ofAJobStillDecidingItsRelease_isA409() {
            SandboxJob succeeded = inState(JobState.SUCCEEDED);
            assertEquals(409, assertThrows(IllegalTransition.class, () -> succeeded.apply(JobTransition.RELEASE, "reviewer-1"))
                    .status());
        }

        @Test
        void failing_leavesTheChargeUnlessRefunded() {
            SandboxJob running = inState(JobState.RUNNING);
            running.epsilonMicros = 550_000;
            running.apply(JobTransition.FAIL, "pdx-sandbox");
            assertEquals(550_000, running.epsilonMicros, "a run that may have read data keeps its charge");
            running.refund();
            assertEquals(0, running.epsilonMicros);
        }

        static SandboxJob inState(JobState state) {
            SandboxJob job = new SandboxJob();
            job.id = UUID.randomUUID();
            job.state = state;
            return job;
        }
    }
}
