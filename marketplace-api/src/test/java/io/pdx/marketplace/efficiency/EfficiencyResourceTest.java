package io.pdx.marketplace.efficiency;

import org.junit.jupiter.api.Tag;
import io.pdx.marketplace.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 效能评估 over whatever the database holds: the figures must agree with each other and with policy data. */
@Tag("stack") // needs the real stack: ./pdx test starts it; the fast tier leaves it out
@QuarkusTest
class EfficiencyResourceTest {

    @Test
    void figures_areConsistent_andTheSlaComesFromPolicyData() throws Exception {
        JsonPath figures = given().auth().oauth2(KeycloakTokens.of("reviewer-2")).get("/api/v1/efficiency")
                .then().statusCode(200).extract().jsonPath();
        long applications = figures.getLong("applications");
        long auto = figures.getLong("autoApproved");
        assertTrue(auto <= applications);
        assertTrue(figures.getLong("decided") <= applications);
        assertTrue(figures.getLong("reviewsPastSla") <= figures.getLong("inReview"));
        assertEquals(applications == 0 ? 0.0 : (double) auto / applications, figures.getDouble("autoApprovedShare"), 1e-6); // JsonPath reads a float
        assertTrue(figures.getDouble("medianSecondsToDecision") <= figures.getDouble("p90SecondsToDecision"));
        int slaInPolicyData = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(java.nio.file.Path.of("..", "policy", "data.json").toFile())
                .at("/pdx/config/license/review_sla_hours").asInt();
        assertEquals(slaInPolicyData, figures.getInt("reviewSlaHours"));
    }

    @Test
    void operators_doNotSeeTheBureausFigures() {
        given().auth().oauth2(KeycloakTokens.of("operator-a")).get("/api/v1/efficiency").then().statusCode(403);
    }
}
