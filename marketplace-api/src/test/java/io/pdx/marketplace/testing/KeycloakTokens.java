package io.pdx.marketplace.testing;

import io.restassured.RestAssured;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens issued by the real Keycloak that {@code ./pdx} starts (realm {@code pdx}):
 * the demo users through the dev-only password grant of client {@code pdx-cli}, and the
 * developer service accounts through client credentials.
 */
public final class KeycloakTokens {

    public static final String TOKEN_URL = System.getProperty("pdx.keycloak.token-url",
            "http://127.0.0.1:8180/realms/pdx/protocol/openid-connect/token");
    private static final String DEMO_PASSWORD = "pdx-demo";
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private KeycloakTokens() {
    }

    /** A token of demo user {@code username} (cached for the test run; tokens live 15 minutes). */
    public static String of(String username) {
        return CACHE.computeIfAbsent(username, user -> RestAssured.given()
                .formParams(Map.of("grant_type", "password", "client_id", "pdx-cli",
                        "username", user, "password", DEMO_PASSWORD, "scope", "openid"))
                .post(TOKEN_URL)
                .then().statusCode(200)
                .extract().path("access_token"));
    }

    /** A token of a developer service account ({@code dev-org-a}, {@code dev-org-b}). */
    public static String ofServiceAccount(String clientId) {
        return CACHE.computeIfAbsent("client:" + clientId, id -> RestAssured.given()
                .formParams(Map.of("grant_type", "client_credentials", "client_id", clientId,
                        "client_secret", clientId + "-dev-secret"))
                .post(TOKEN_URL)
                .then().statusCode(200)
                .extract().path("access_token"));
    }
}
