package io.pdx.marketplace.lifecycle;

import io.pdx.contracts.catalog.RegistrationStatus;
import io.pdx.contracts.licensing.LicenseState;
import io.pdx.contracts.organization.OrganizationStatus;
import io.pdx.contracts.sandbox.JobState;
import io.pdx.marketplace.catalog.registration.RegistrationTransition;
import io.pdx.marketplace.licensing.LicenseTransition;
import io.pdx.marketplace.organization.OrganizationTransition;
import io.pdx.marketplace.sandbox.JobTransition;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static io.pdx.contracts.sandbox.JobState.ADMITTED;
import static io.pdx.contracts.sandbox.JobState.AWAITING_RELEASE;
import static io.pdx.contracts.sandbox.JobState.CANCELLED;
import static io.pdx.contracts.sandbox.JobState.FAILED;
import static io.pdx.contracts.sandbox.JobState.QUEUED;
import static io.pdx.contracts.sandbox.JobState.REJECTED;
import static io.pdx.contracts.sandbox.JobState.RELEASED;
import static io.pdx.contracts.sandbox.JobState.RUNNING;
import static io.pdx.contracts.sandbox.JobState.SUCCEEDED;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The next states each life cycle allows, derived from the transition enums (the one table), walked pair by pair
 * against the diagrams of the issues, written out here rather than read from the enums.
 */
class NextStatesTest {

    @Test
    void jobs() {
        Map<JobState, Set<JobState>> expected = Map.of(
                QUEUED, EnumSet.of(ADMITTED, FAILED, CANCELLED),
                ADMITTED, EnumSet.of(RUNNING, FAILED, CANCELLED),
                RUNNING, EnumSet.of(SUCCEEDED, FAILED),
                SUCCEEDED, EnumSet.of(RELEASED, AWAITING_RELEASE, REJECTED),
                AWAITING_RELEASE, EnumSet.of(RELEASED, REJECTED));
        for (JobState state : JobState.values()) {
            assertEquals(expected.getOrDefault(state, Set.of()), TransitionTable.next(JobTransition.class, state), state.name());
            assertEquals(EnumSet.of(RELEASED, REJECTED, FAILED, CANCELLED).contains(state),
                    TransitionTable.terminal(JobTransition.class, state), state.name());
        }
    }

    @Test
    void licenses() {
        Map<LicenseState, Set<LicenseState>> expected = Map.of(
                LicenseState.APPLIED, Set.of(LicenseState.APPROVED, LicenseState.IN_REVIEW, LicenseState.DENIED),
                LicenseState.IN_REVIEW, Set.of(LicenseState.IN_REVIEW, LicenseState.APPROVED, LicenseState.REJECTED),
                LicenseState.APPROVED, Set.of(LicenseState.ACTIVE),
                LicenseState.ACTIVE, Set.of(LicenseState.SUSPENDED, LicenseState.REVOKED, LicenseState.EXPIRED),
                LicenseState.SUSPENDED, Set.of(LicenseState.ACTIVE, LicenseState.REVOKED, LicenseState.EXPIRED));
        for (LicenseState state : LicenseState.values()) {
            assertEquals(expected.getOrDefault(state, Set.of()), TransitionTable.next(LicenseTransition.class, state), state.name());
        }
    }

    @Test
    void registrations() {
        Map<RegistrationStatus, Set<RegistrationStatus>> expected = Map.of(
                RegistrationStatus.DRAFT, Set.of(RegistrationStatus.SUBMITTED),
                RegistrationStatus.SUBMITTED, Set.of(RegistrationStatus.PUBLICITY, RegistrationStatus.RETURNED),
                RegistrationStatus.RETURNED, Set.of(RegistrationStatus.SUBMITTED),
                RegistrationStatus.PUBLICITY, Set.of(RegistrationStatus.REGISTERED, RegistrationStatus.SUBMITTED),
                RegistrationStatus.REGISTERED, Set.of(RegistrationStatus.SUPERSEDED, RegistrationStatus.CANCELLED));
        for (RegistrationStatus state : RegistrationStatus.values()) {
            assertEquals(expected.getOrDefault(state, Set.of()), TransitionTable.next(RegistrationTransition.class, state),
                    state.name());
        }
    }

    @Test
    void organizations() {
        Map<OrganizationStatus, Set<OrganizationStatus>> expected = Map.of(
                OrganizationStatus.UNVERIFIED, Set.of(OrganizationStatus.VERIFIED),
                OrganizationStatus.VERIFIED, Set.of(OrganizationStatus.SUSPENDED),
                OrganizationStatus.SUSPENDED, Set.of(OrganizationStatus.VERIFIED));
        for (OrganizationStatus state : OrganizationStatus.values()) {
            assertEquals(expected.getOrDefault(state, Set.of()), TransitionTable.next(OrganizationTransition.class, state),
                    state.name());
        }
    }

    @Test
    void theCallersTransitions_areOfferedFromTheirSources() {
        assertEquals(java.util.List.of(LicenseTransition.RECORD_APPROVAL, LicenseTransition.APPROVE, LicenseTransition.REJECT),
                TransitionTable.offered(LicenseTransition.class, LicenseState.IN_REVIEW));
        assertEquals(java.util.List.of(JobTransition.CANCEL), TransitionTable.offered(JobTransition.class, ADMITTED));
        assertEquals(java.util.List.of(), TransitionTable.offered(JobTransition.class, RUNNING));
    }
}
