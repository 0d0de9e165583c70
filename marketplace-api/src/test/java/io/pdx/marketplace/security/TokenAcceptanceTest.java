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

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Only access tokens issued for this API authenticate: the audience marketplace-api and type Bearer, signed with a
 * key of the realm. Each other case is a 401, and a token whose key id the realm does not have costs no call to
 * Keycloak per request (no introspection: Keycloak's log shows none).
 */
@Tag("stack")
@QuarkusTest
class TokenAcceptanceTest {

    private static final Path KEYCLOAK_LOG = Path.of(System.getProperty("pdx.keycloak.log", "../.pdx/logs/keycloak.log"));

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
        long introspectionsBefore = introspections();
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(forged).get("/api/v1/licenses").then().statusCode(401);
        }
        assertEquals(introspectionsBefore, introspections(), "no introspection call for a forged token");
    }

    private static long introspections() throws Exception {
        if (!Files.exists(KEYCLOAK_LOG)) {
            return 0;
        }
        try (var lines = Files.lines(KEYCLOAK_LOG, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains("INTROSPECT_TOKEN")).count();
        }
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
