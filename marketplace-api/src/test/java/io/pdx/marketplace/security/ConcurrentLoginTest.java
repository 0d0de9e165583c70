package io.pdx.marketplace.security;

import io.pdx.marketplace.testing.KeycloakTokens;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Parallel password logins of one user with the right password all succeed: Keycloak's brute-force protection locks
 * on failures only (the server runs with concurrent logins allowed, see tools/pdx/keycloak.sh; 26.x otherwise refuses
 * 22 of 24 as user_temporarily_disabled).
 */
@Tag("stack") // talks to the real Keycloak that ./pdx starts
class ConcurrentLoginTest {

    static final int PARALLEL = 24;

    @Test
    void twentyFourParallelLoginsOfOneUser_withTheRightPassword_allSucceed() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String form = Map.of("grant_type", "password", "client_id", "pdx-cli", "username", "reviewer-2",
                        "password", "pdx-demo", "scope", "openid").entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest login = HttpRequest.newBuilder(URI.create(KeycloakTokens.TOKEN_URL))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        List<CompletableFuture<HttpResponse<String>>> logins = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            logins.add(http.sendAsync(login, HttpResponse.BodyHandlers.ofString()));
        }
        List<String> refused = logins.stream().map(CompletableFuture::join).filter(response -> response.statusCode() != 200)
                .map(response -> response.statusCode() + " " + response.body()).toList();
        assertEquals(List.of(), refused, "refused of " + PARALLEL);
    }
}
