package io.pdx.marketplace.catalog;

import org.junit.jupiter.api.Tag;
import io.pdx.marketplace.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import io.pdx.contracts.policy.PolicyDecision;
import io.pdx.contracts.policy.Subject;
import io.pdx.policy.client.PolicyClient;
import io.pdx.policy.client.PolicyUnavailableException;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** Fail closed: with OPA unreachable the catalog answers 503 problem+json, never an unfiltered list. */
@Tag("stack") // needs the real stack: ./pdx test starts it; the fast tier leaves it out
@QuarkusTest
@TestProfile(PolicyUnreachableTest.OpaUnreachable.class)
class PolicyUnreachableTest {

    public static class OpaUnreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // a loopback port nothing listens on
            return Map.of("quarkus.rest-client.opa.url", "http://127.0.0.1:1");
        }
    }

    @Test
    void list_whenOpaIsDown_is503Problem_withNoItems() {
        given().get("/api/v1/datasets")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", startsWith("https://pdx.example/problems/policy-unavailable"))
                .body("status", equalTo(503))
                .body("items", nullValue());
    }

    @Test
    void list_whenOpaIsDown_refusesBureauAdminToo() {
        given().auth().oauth2(KeycloakTokens.of("bureau-admin"))
                .get("/api/v1/datasets")
                .then().statusCode(503)
                .body("items", nullValue());
    }

    @Inject
    PolicyClient policy;

    @Test
    void policyClient_whenOpaIsDown_failsClosedWithinItsTimeout() {
        assertThrows(PolicyUnavailableException.class, () -> policy
                .evaluate("pdx/catalog/decision", Map.of("subject", Subject.anonymous()), PolicyDecision.class)
                .await().atMost(Duration.ofSeconds(5)));
    }

    @Test
    void readiness_whenOpaIsDown_isDown() {
        given().get("/q/health/ready")
                .then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'OPA policy engine' }.status", equalTo("DOWN"))
                .body("checks.name", hasItem("OPA policy engine"))
                .body("checks.findAll { it.status == 'DOWN' }.name", not(hasItem("Reactive PostgreSQL connections health check")));
    }
}
