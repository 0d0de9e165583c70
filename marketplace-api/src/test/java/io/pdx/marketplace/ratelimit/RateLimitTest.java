package io.pdx.marketplace.ratelimit;

import io.pdx.marketplace.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The limits of the policy data, at a hundredth (public catalog 6 a minute per client, job submissions 1 a minute
 * per organization): the next request is a 429 with Retry-After and a problem; other callers are not affected.
 */
@Tag("stack")
@QuarkusTest
@TestProfile(RateLimitTest.Hundredth.class)
class RateLimitTest {

    public static class Hundredth implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("pdx.rate-limits.scale", "0.01");
        }
    }

    @Test
    void thePublicCatalog_isLimitedPerClient() {
        String token = KeycloakTokens.of("operator-b");
        for (int i = 0; i < 6; i++) {
            given().auth().oauth2(token).get("/api/v1/datasets").then().statusCode(200);
        }
        var limited = given().auth().oauth2(token).get("/api/v1/datasets").then().statusCode(429)
                .contentType("application/problem+json").body("code", equalTo("rate-limited"));
        long retryAfter = Long.parseLong(limited.extract().header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        // another client has its own allowance
        given().auth().oauth2(KeycloakTokens.of("developer-b")).get("/api/v1/reference").then().statusCode(200);
    }

    @Test
    void certificateVerification_countsAsThePublicCatalog() {
        String token = KeycloakTokens.of("reviewer-2");
        for (int i = 0; i < 6; i++) {
            given().auth().oauth2(token).get("/api/v1/certificates/PDX-350100-1999-00000" + i + "/pdf").then().statusCode(404);
        }
        given().auth().oauth2(token).get("/api/v1/certificates/PDX-350100-1999-000009").then().statusCode(429);
    }

    @Test
    void openDataDownloads_areLimitedPerClient_apartFromTheCatalog() {
        String path = "/api/v1/open/datasets/" + java.util.UUID.randomUUID() + "/data";
        given().get(path).then().statusCode(404); // 60 a minute in the policy data, a hundredth here: one
        given().get(path).then().statusCode(429).contentType("application/problem+json")
                .body("code", equalTo("rate-limited")).header("Retry-After", not(equalTo(null)));
        // the same address's catalog allowance, and a signed-in caller's own open-data allowance, are untouched
        given().get("/api/v1/reference").then().statusCode(200);
        given().auth().oauth2(KeycloakTokens.of("provider-market")).get(path).then().statusCode(404);
    }

    @Test
    void jobSubmissions_areLimitedPerOrganization() {
        given().auth().oauth2(KeycloakTokens.of("developer-a")).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/sandbox/jobs").then().statusCode(not(429));
        // the same organization through its service account: the organization's allowance is spent
        given().auth().oauth2(KeycloakTokens.ofServiceAccount("dev-org-a")).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/sandbox/jobs").then().statusCode(429).header("Retry-After", not(equalTo(null)));
        // another organization is not
        given().auth().oauth2(KeycloakTokens.of("developer-b")).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/sandbox/jobs").then().statusCode(not(429));
    }
}
