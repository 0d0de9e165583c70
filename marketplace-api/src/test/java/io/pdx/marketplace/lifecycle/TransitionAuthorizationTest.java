package io.pdx.marketplace.lifecycle;

import io.pdx.contracts.licensing.LicenseState;
import io.pdx.contracts.policy.AuthzDecision;
import io.pdx.contracts.policy.AuthzInput;
import io.pdx.contracts.policy.PolicyDecision;
import io.pdx.contracts.policy.Subject;
import io.pdx.marketplace.licensing.License;
import io.pdx.marketplace.licensing.LicenseTransition;
import io.pdx.marketplace.problem.ProblemException;
import io.pdx.marketplace.security.OperationDenied;
import io.pdx.marketplace.security.OperationGuard;
import io.pdx.marketplace.security.OrganizationStanding;
import io.pdx.marketplace.testing.FixtureStates;
import io.pdx.policy.client.PolicyAnswer;
import io.pdx.policy.client.PolicyClient;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A caller's transition asks OPA once, with exactly this input (recorded, no OPA running), and answers 404, 403 or
 * goes on as that one answer says.
 */
class TransitionAuthorizationTest {

    static final String ORG_A = "91350100M000100Y43";
    static final Subject REVIEWER = new Subject(true, "reviewer-1", List.of("bureau-reviewer"), null, null);
    static final Subject OPERATOR_B = new Subject(true, "operator-b", List.of("operator"), "91110000600037341L", null);

    /** Records every question and answers with {@code answer}. */
    static final class RecordingPolicy extends PolicyClient {
        final List<String> paths = new ArrayList<>();
        final List<Object> inputs = new ArrayList<>();
        final AuthzDecision answer;

        RecordingPolicy(AuthzDecision answer) {
            super(null, null, null, null);
            this.answer = answer;
        }

        @Override
        public <T> Uni<PolicyAnswer<T>> evaluate(String path, Object input, Class<T> resultType) {
            paths.add(path);
            inputs.add(input);
            return Uni.createFrom().item(new PolicyAnswer<>("decision-1", resultType.cast(answer)));
        }
    }

    /** Every organization VERIFIED, without a database. */
    static final class VerifiedStanding extends OrganizationStanding {
        VerifiedStanding() {
            super(null);
        }

        @Override
        public Uni<Subject> of(Subject subject) {
            return Uni.createFrom().item(subject.organization() == null ? subject
                    : new Subject(subject.authenticated(), subject.user(), subject.roles(), subject.organization(),
                            subject.department(), "VERIFIED"));
        }
    }

    static License inReview() {
        License license = new License();
        license.id = UUID.fromString("00000000-0000-0000-0000-000000000042");
        license.organization = ORG_A;
        license.applicant = "operator-a";
        return FixtureStates.inState(license, LicenseState.IN_REVIEW);
    }

    static void authorize(RecordingPolicy policy, Subject subject, License license) {
        new TransitionAuthorization(new OperationGuard(policy, new VerifiedStanding()))
                .authorize(subject, LicenseTransition.APPROVE, license).await().indefinitely();
    }

    @Test
    void anApproval_asksOnce_withTheOperationAndTheLicenseAsItIsNow() {
        RecordingPolicy policy = new RecordingPolicy(new AuthzDecision(true, "ALLOW", List.of(), true));
        authorize(policy, REVIEWER, inReview());
        assertEquals(List.of("pdx/authz/decision"), policy.paths);
        assertEquals(List.of(new AuthzInput(REVIEWER, "license.approve", new AuthzInput.Resource("license",
                "00000000-0000-0000-0000-000000000042", ORG_A, null, "operator-a", "IN_REVIEW"))), policy.inputs);
    }

    @Test
    void aCallerWhoMayNotSeeIt_isTold404_likeForNoLicense() {
        RecordingPolicy policy = new RecordingPolicy(new AuthzDecision(false, "DENY",
                List.of(new PolicyDecision.Reason("organization_mismatch", "组织不符", "organization mismatch")), false));
        ProblemException refused = assertThrows(ProblemException.class, () -> authorize(policy, OPERATOR_B, inReview()));
        assertEquals(404, refused.status());
        assertEquals(1, policy.paths.size(), "one question, not a read and then the transition");
    }

    @Test
    void aCallerWhoMaySeeButNotAct_isTold403() {
        RecordingPolicy policy = new RecordingPolicy(new AuthzDecision(false, "DENY",
                List.of(new PolicyDecision.Reason("role_not_permitted", "角色无权", "role not permitted")), true));
        OperationDenied refused = assertThrows(OperationDenied.class, () -> authorize(policy, OPERATOR_B, inReview()));
        assertEquals(403, refused.status());
    }

    @Test
    void aSuspendedOrganization_isTold403NamingIt_notAHidingNotFound() {
        RecordingPolicy policy = new RecordingPolicy(new AuthzDecision(false, "DENY_SUBJECT",
                List.of(new PolicyDecision.Reason("organization_suspended", "组织已暂停", "organization suspended")), false));
        OperationDenied refused = assertThrows(OperationDenied.class, () -> authorize(policy, OPERATOR_B, inReview()));
        assertEquals(403, refused.status());
        assertTrue(refused.subjectRefused());
    }
}
