package io.pdx.marketplace.sandbox;

import io.pdx.marketplace.testing.CapturedLogs;
import io.pdx.marketplace.testing.KeycloakTokens;
import io.pdx.marketplace.testing.SandboxRunnerProcess;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After a run of hostile requests — forged, tampered and foreign tokens, SQL full of recognizable markers, template
 * parameters and search words with markers, and a job whose result rows hold values nobody else knows — neither
 * marketplace-api's log (captured with io.pdx, OIDC and security logging at DEBUG) nor sandbox-runner's log file holds
 * any token, any marker, or any value of the result.
 */
@Tag("stack") // needs the real stack: ./pdx test starts it; the fast tier leaves it out
@QuarkusTest
@WithTestResource(SandboxRunnerProcess.class)
class LogLeakTest {

    static final Path RUNNER_LOG = Path.of("target", "sandbox-runner-test.log");
    static final String BY_DISTRICT = "SELECT district_code, count(*) AS swipes, sum(fare_cents) AS fares"
            + " FROM bus_card_swipes GROUP BY district_code ORDER BY district_code";

    @Test
    void hostileRequests_leaveNoTokenMarkerOrDataValueInAnyLog() throws Exception {
        SandboxFixtures.Licensed licensed = SandboxFixtures.licensed(0);
        String marker = "PDXLEAK" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        List<String> secrets = new ArrayList<>();
        long runnerLogStart = Files.exists(RUNNER_LOG) ? Files.size(RUNNER_LOG) : 0;

        try (CapturedLogs logs = CapturedLogs.start("io.pdx", "io.quarkus.oidc", "io.quarkus.security", "io.quarkus.vertx.http")) {
            // tokens: a forged JWT, an opaque one, a real one with its signature altered, a real one of another client,
            // Basic credentials, and the real ones the rest of the run uses
            String forged = base64("{\"alg\":\"RS256\",\"kid\":\"" + marker + "kid\"}") + "." + base64("{\"sub\":\"" + marker
                    + "sub\",\"aud\":\"marketplace-api\",\"typ\":\"Bearer\"}") + "." + marker + "signature0123456789";
            String opaque = marker + "opaque" + UUID.randomUUID();
            String real = KeycloakTokens.of("developer-a");
            String tampered = real.substring(0, real.length() - 12) + marker.substring(0, 12);
            String basic = Base64.getEncoder().encodeToString((marker + "user:" + marker + "password").getBytes(StandardCharsets.UTF_8));
            secrets.addAll(List.of(forged, opaque, tampered, signature(tampered), basic, marker + "password"));
            for (String user : List.of("developer-a", "operator-a", "reviewer-1", "bureau-admin")) {
                String token = KeycloakTokens.of(user);
                secrets.add(token);
                secrets.add(signature(token));
            }
            for (String bad : List.of(forged, opaque, tampered)) {
                given().auth().oauth2(bad).get("/api/v1/sandbox/jobs").then().statusCode(401);
                given().auth().oauth2(bad).contentType(ContentType.JSON).body(Map.of("licenseId", licensed.busLicense(), "sql", BY_DISTRICT))
                        .post("/api/v1/sandbox/jobs").then().statusCode(401);
                given().header("Authorization", "Bearer " + bad).get("/api/v1/datasets").then().statusCode(401);
            }
            given().header("Authorization", "Basic " + basic).get("/api/v1/licenses").then().statusCode(401);
            given().header("Authorization", marker + "-not-even-a-scheme").get("/api/v1/licenses").then().statusCode(401);

            // SQL and parameters carrying markers: refused by the guard, by the parser, by the policy, or run
            List<String> statements = List.of(
                    "SELECT district_code FROM bus_card_swipes WHERE card_type = '" + marker + "sql1'",
                    "SELECT " + marker + "sql2 FROM",
                    "SELECT * FROM pg_catalog." + marker + "sql3",
                    "SELECT district_code, count(*) AS n FROM bus_card_swipes WHERE route_id = '" + marker + "sql4' GROUP BY district_code",
                    "SELECT card_id, '" + marker + "sql5' AS x FROM bus_card_swipes",
                    "COPY bus_card_swipes TO '/tmp/" + marker + "sql6.csv'",
                    "SELECT district_code, count(*) AS n FROM medical_insurance_claims WHERE diagnosis_code = '" + marker + "sql7' GROUP BY district_code");
            List<String> submitted = new ArrayList<>();
            for (String sql : statements) {
                secrets.add(marker + "sql");
                String license = sql.contains("medical_insurance_claims") ? licensed.claimsLicense() : licensed.busLicense();
                var answer = SandboxFixtures.submit(license, sql).extract();
                if (answer.statusCode() == 202) {
                    submitted.add(answer.path("id"));
                }
            }
            Map<String, Object> templated = new HashMap<>();
            templated.put("licenseId", licensed.busLicense());
            templated.put("templateId", marker + "template");
            templated.put("params", Map.of("district", marker + "param"));
            SandboxFixtures.post("developer-a", "/api/v1/sandbox/jobs", templated);
            given().queryParam("q", marker + "search").get("/api/v1/datasets").then().statusCode(200);
            given().auth().oauth2(KeycloakTokens.of("developer-a")).queryParam("q", marker + "search")
                    .get("/api/v1/datasets").then().statusCode(200);
            submitted.forEach(SandboxFixtures::awaitJob);

            // a job whose result holds values nobody else knows: the exact sums of fares per district
            String id = SandboxFixtures.run(licensed.busLicense(), BY_DISTRICT).extract().path("id");
            List<Map<String, Object>> rows = given().auth().oauth2(KeycloakTokens.of("developer-a"))
                    .get("/api/v1/sandbox/jobs/" + id + "/result?format=json").then().statusCode(200).extract().path("rows");
            List<String> values = new ArrayList<>();
            for (Map<String, Object> row : rows) {
                String fares = String.valueOf(row.get("fares"));
                if (fares.replaceAll("[^0-9]", "").length() >= 6) {
                    values.add(fares);
                }
            }
            assertFalse(values.isEmpty(), "the result has values to look for: " + rows);

            String api = logs.text();
            String runner = runnerLogSince(runnerLogStart);
            assertTrue(api.contains("answered 401"), "the API's log was captured (requests logged at DEBUG): " + api.length());
            assertTrue(runner.contains("/internal/v1/analysis answered"), "the runner's log was read");
            for (String secret : secrets) {
                assertFalse(api.contains(secret), "marketplace-api logged a token or marker: " + secret + "\n" + excerpt(api, secret));
                assertFalse(runner.contains(secret), "sandbox-runner logged a token or marker: " + secret + "\n" + excerpt(runner, secret));
            }
            assertFalse(api.contains(marker), "marketplace-api logged a marker\n" + excerpt(api, marker));
            assertFalse(runner.contains(marker), "sandbox-runner logged a marker\n" + excerpt(runner, marker));
            for (String value : values) {
                assertFalse(api.contains(value), "marketplace-api logged a value of a result: " + value + "\n" + excerpt(api, value));
                assertFalse(runner.contains(value), "sandbox-runner logged a value of a result: " + value + "\n" + excerpt(runner, value));
            }
        }
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String signature(String jwt) {
        return jwt.substring(jwt.lastIndexOf('.') + 1);
    }

    private static String runnerLogSince(long offset) throws IOException {
        byte[] all = Files.readAllBytes(RUNNER_LOG);
        return new String(all, (int) Math.min(offset, all.length), (int) (all.length - Math.min(offset, all.length)), StandardCharsets.UTF_8);
    }

    private static String excerpt(String log, String needle) {
        int at = log.indexOf(needle);
        return at < 0 ? "" : log.substring(Math.max(0, at - 300), Math.min(log.length(), at + needle.length() + 100));
    }
}
