package io.pdx.marketplace.security;

import io.pdx.marketplace.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Only access tokens issued for this API authenticate: the audience marketplace-api and type Bearer, signed with a
 * key of the realm. Each other case is a 401, and a token whose key id the realm does not have costs no call to
 * Keycloak per request (no introspection: Keycloak's log shows none, read up to an introspection of the test's own;
 * the test fails when it cannot read that log).
 */
@Tag("stack")
@QuarkusTest
class TokenAcceptanceTest {

    private static final Path KEYCLOAK_LOG = Path.of(System.getProperty("pdx.keycloak.log", "../.pdx/logs/keycloak.log"));
    /** The API's own client: the one that would introspect. */
    private static final String API_CLIENT = "marketplace-api";
    /** Another confidential client of the realm, whose introspection marks a point in Keycloak's log. */
    private static final String MARKER_CLIENT = "dev-org-a";

    @Test
    void anAccessTokenForThisApi_authenticates() {
        given().auth().oauth2(KeycloakTokens.of("operator-a")).get("/api/v1/licenses").then().statusCode(200);
        given().auth().oauth2(KeycloakTokens.ofServiceAccount("dev-org-a")).get("/api/v1/sandbox/jobs").then().statusCode(200);
    }

    @Test
    void anIdToken_isNotACredential() {
        String idToken = RestAssured.given()
                .formParams(Map.of("grant_type", "password", "client_id", "pdx-cli", "username", "operator-a",
                        "password", "pdx-demo", "scope", "openid"))
                .post(KeycloakTokens.TOKEN_URL).then().statusCode(200).extract().path("id_token");
        given().auth().oauth2(idToken).get("/api/v1/licenses").then().statusCode(401);
    }

    @Test
    void aTokenOfAnotherClient_withoutThisApisAudience_isRefused() {
        String adminCli = RestAssured.given()
                .formParams(Map.of("grant_type", "password", "client_id", "admin-cli", "username", "operator-a",
                        "password", "pdx-demo"))
                .post(KeycloakTokens.TOKEN_URL).then().statusCode(200).extract().path("access_token");
        given().auth().oauth2(adminCli).get("/api/v1/licenses").then().statusCode(401);
        given().auth().oauth2(adminCli).get("/api/v1/datasets").then().statusCode(401);
    }

    @Test
    void anUnknownKeyId_is401_withoutIntrospection() throws Exception {
        String genuine = KeycloakTokens.of("operator-a");
        String payload = genuine.split("\\.")[1];
        String header = base64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"not-a-key-of-the-realm\"}");
        var keys = KeyPairGenerator.getInstance("RSA");
        keys.initialize(2048);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(keys.generateKeyPair().getPrivate());
        signer.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        String forged = header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
        long byTheApiBefore = introspections(API_CLIENT);
        long markersBefore = introspections(MARKER_CLIENT);
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(forged).get("/api/v1/licenses").then().statusCode(401);
        }
        // An introspection of our own, by another client: once Keycloak's log shows it, it shows every introspection
        // made before it — and it proves the log read is the live log of the realm, which records introspections.
        RestAssured.given()
                .formParams(Map.of("client_id", MARKER_CLIENT, "client_secret", MARKER_CLIENT + "-dev-secret", "token", forged))
                .post(KeycloakTokens.TOKEN_URL + "/introspect").then().statusCode(200).body("active", equalTo(false));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (introspections(MARKER_CLIENT) == markersBefore) {
            assertTrue(System.nanoTime() < deadline, "Keycloak's log " + KEYCLOAK_LOG.toAbsolutePath()
                    + " shows no introspection after 10 s, not even ours: not the live log of this Keycloak?");
            Thread.sleep(50);
        }
        assertEquals(byTheApiBefore, introspections(API_CLIENT), "no introspection call for a forged token");
    }

    /** Keycloak's log lines of introspections (successful or not) by {@code client}; the log must be there. */
    private static long introspections(String client) throws Exception {
        assertTrue(Files.isRegularFile(KEYCLOAK_LOG) && Files.isReadable(KEYCLOAK_LOG), "Keycloak's log "
                + KEYCLOAK_LOG.toAbsolutePath() + " is missing or unreadable: without it this test sees no introspection"
                + " (-Dpdx.keycloak.log=… names it)");
        try (var lines = Files.lines(KEYCLOAK_LOG, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains("INTROSPECT_TOKEN") && line.contains("clientId=\"" + client + "\"")).count();
        }
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
