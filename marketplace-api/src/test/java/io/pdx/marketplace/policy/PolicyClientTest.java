package io.pdx.marketplace.policy;

import org.junit.jupiter.api.Tag;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pdx.contracts.policy.LicenseInput;
import io.pdx.contracts.policy.PolicyDecision;
import io.pdx.policy.client.PolicyAnswer;
import io.pdx.policy.client.PolicyClient;
import io.pdx.policy.client.PolicyUnavailableException;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one Java client of OPA, against the real OPA that ./pdx starts (decision log on). */
@Tag("stack") // needs the real stack: ./pdx test starts it; the fast tier leaves it out
@QuarkusTest
class PolicyClientTest {

    private static final Path LICENSE_EXAMPLE = Path.of("..", "contracts", "src", "test", "resources",
            "policy-examples", "license.json");

    @Inject
    PolicyClient policy;
    @Inject
    ObjectMapper json;

    private LicenseInput example() throws IOException {
        return json.readValue(LICENSE_EXAMPLE.toFile(), LicenseInput.class);
    }

    private PolicyAnswer<PolicyDecision> decide(LicenseInput input) {
        return policy.evaluate("pdx/license/decision", input, PolicyDecision.class)
                .await().atMost(Duration.ofSeconds(5));
    }

    @Test
    void evaluate_lowRiskGeneralApplication_isAutoApproved_withDecisionId() throws IOException {
        PolicyAnswer<PolicyDecision> answer = decide(example());
        assertEquals("AUTO_APPROVE", answer.result().outcome());
        assertTrue(answer.result().allow());
        assertNotNull(answer.decisionId(), "OPA's decision log gives every decision an id for the audit record");
    }

    @Test
    void evaluate_coreGrade_isDenied_withReasonCode() throws IOException {
        LicenseInput example = example();
        LicenseInput.Product core = new LicenseInput.Product(example.product().id(), example.product().dataset_id(),
                "CORE", example.product().modes(), example.product().columns(), example.product().consent(), example.product().status());
        PolicyAnswer<PolicyDecision> answer = decide(
                new LicenseInput(example.subject(), example.organization(), core, example.application()));
        assertFalse(answer.result().allow());
        assertEquals("DENY", answer.result().outcome());
        assertTrue(answer.result().reasons().stream().anyMatch(r -> r.code().equals("core_never_licensed")));
    }

    @Test
    void evaluate_unverifiedOrganization_isDenied() throws IOException {
        LicenseInput example = example();
        PolicyAnswer<PolicyDecision> answer = decide(new LicenseInput(example.subject(),
                new LicenseInput.Organization(example.organization().id(), false), example.product(), example.application()));
        assertEquals("DENY", answer.result().outcome());
        assertTrue(answer.result().reasons().stream().anyMatch(r -> r.code().equals("org_unverified")));
    }

    @Test
    void evaluate_undefinedPolicyPath_failsClosed() {
        assertThrows(PolicyUnavailableException.class, () -> policy
                .evaluate("pdx/no_such_package/decision", new Object(), PolicyDecision.class)
                .await().atMost(Duration.ofSeconds(5)));
    }

    @Test
    void evaluate_resultOfAnotherShape_failsClosed() throws IOException {
        // visible_grades is an array: it cannot be read as a decision, so the client refuses it
        assertThrows(PolicyUnavailableException.class, () -> policy
                .evaluate("pdx/catalog/visible_grades", example(), PolicyDecision.class)
                .await().atMost(Duration.ofSeconds(5)));
    }
}
