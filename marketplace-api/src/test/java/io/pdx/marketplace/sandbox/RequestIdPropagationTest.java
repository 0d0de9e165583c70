package io.pdx.marketplace.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pdx.contracts.tracing.RequestId;
import io.pdx.marketplace.testing.CapturedLogs;
import io.pdx.marketplace.testing.KeycloakTokens;
import io.pdx.marketplace.testing.SandboxRunnerProcess;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One request id per request: the caller's when sane, else a fresh one; answered, on every log line of the request
 * (OPA's decision id logged with it), and passed on to sandbox-runner, whose log lines carry it too.
 */
@Tag("stack") // needs the real stack: ./pdx test starts it; the fast tier leaves it out
@QuarkusTest
@WithTestResource(SandboxRunnerProcess.class)
class RequestIdPropagationTest {

    static final Path RUNNER_LOG = Path.of("target", "sandbox-runner-test.log");
    static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void aSaneIdIsKept_anOddOneOrNoneIsReplaced_andEveryAnswerCarriesOne() {
        given().header(RequestId.HEADER, "client-7.a_b:c").get("/api/v1/datasets").then().statusCode(200)
                .header(RequestId.HEADER, "client-7.a_b:c");
        given().header(RequestId.HEADER, "two words").get("/api/v1/datasets").then().statusCode(200)
                .header(RequestId.HEADER, matchesPattern(UUID_PATTERN));
        given().header(RequestId.HEADER, "x".repeat(RequestId.MAX_LENGTH + 1)).get("/api/v1/datasets").then()
                .header(RequestId.HEADER, matchesPattern(UUID_PATTERN));
        given().get("/api/v1/sandbox/jobs").then().statusCode(401).header(RequestId.HEADER, matchesPattern(UUID_PATTERN));
        given().get("/q/health/live").then().statusCode(200).header(RequestId.HEADER, matchesPattern(UUID_PATTERN));
    }

    @Test
    void aSubmissionsId_isOnItsLogLinesWithOpasDecisionId_andOnTheRunnersLinesForIt() throws Exception {
        SandboxFixtures.Licensed licensed = SandboxFixtures.licensed(0);
        String id = "it-" + UUID.randomUUID();
        long runnerLogStart = Files.exists(RUNNER_LOG) ? Files.size(RUNNER_LOG) : 0;
        String job;
        try (CapturedLogs logs = CapturedLogs.start("io.pdx.policy.client")) {
            job = given().auth().oauth2(KeycloakTokens.of("developer-a")).header(RequestId.HEADER, id).contentType(ContentType.JSON)
                    .body(Map.of("licenseId", licensed.busLicense(), "sql", SandboxJobTest.BY_DISTRICT))
                    .post("/api/v1/sandbox/jobs").then().statusCode(202).header(RequestId.HEADER, id).extract().path("id");
            SandboxFixtures.awaitJob(job);
            List<CapturedLogs.Line> decisions = logs.lines().stream()
                    .filter(line -> id.equals(line.requestId()) && line.text().startsWith("OPA decision ")).toList();
            assertTrue(decisions.stream().anyMatch(line -> line.text().matches("OPA decision " + UUID_PATTERN + " on pdx/authz/decision: ALLOW in \\d+ µs")),
                    () -> "the authorization's decision id with the request id: " + logs.text());
            assertTrue(decisions.stream().anyMatch(line -> line.text().matches("OPA decision " + UUID_PATTERN + " on pdx/sandbox: ADMIT in \\d+ µs")),
                    () -> "the admission's decision id with the request id: " + logs.text());
        }
        List<String> runnerLines = runnerLinesSince(runnerLogStart);
        assertTrue(runnerLines.stream().anyMatch(line -> line.contains(id) && line.contains("POST /internal/v1/analysis answered 200")),
                () -> "the runner logged the analysis under the request id: " + runnerLines);
        assertTrue(runnerLines.stream().anyMatch(line -> line.contains(id) && line.contains("POST /internal/v1/jobs/" + job + "/run answered 200")),
                () -> "the run the submission started carries its request id: " + runnerLines);
        if (System.getenv("PDX_LOG_JSON") == null) { // the runner runs its packaged jar: production logs are JSON lines
            String line = runnerLines.stream().filter(text -> text.contains(id)).findFirst().orElseThrow();
            JsonNode json = new ObjectMapper().readTree(line);
            assertEquals(id, json.path("mdc").path(RequestId.MDC_KEY).asText(), line);
        }
    }

    private static List<String> runnerLinesSince(long offset) throws Exception {
        byte[] all = Files.readAllBytes(RUNNER_LOG);
        int from = (int) Math.min(offset, all.length);
        return List.of(new String(all, from, all.length - from, StandardCharsets.UTF_8).split("\n"));
    }
}
