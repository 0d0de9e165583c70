package io.pdx.sandbox.observability;

import io.pdx.contracts.ColumnTag;
import io.pdx.contracts.Grade;
import io.pdx.contracts.catalog.ColumnSpec;
import io.pdx.contracts.runner.AnalysisRequest;
import io.pdx.contracts.runner.RunRequest;
import io.pdx.contracts.runner.SandboxDataset;
import io.pdx.contracts.tracing.RequestId;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runner's metrics are marketplace-api's to read (its shared secret), health stays public; every call carries
 * marketplace-api's request id into the runner's log.
 */
@Tag("stack") // asks the real OPA for the controls: ./pdx test starts it
@QuarkusTest
class RunnerObservabilityTest {

    static final String SECRET = "test-sandbox-secret-0123456789";
    static final SandboxDataset BUS = new SandboxDataset("bus_card_swipes", Grade.GENERAL, "card_id", List.of(
            new ColumnSpec("card_id", "VARCHAR", ColumnTag.IDENTIFIER, "card"),
            new ColumnSpec("district_code", "VARCHAR", ColumnTag.QUASI_IDENTIFIER, "district")));
    static final String BY_DISTRICT = "SELECT district_code, count(*) AS swipes FROM bus_card_swipes GROUP BY district_code";

    private static RequestSpecification marketplace() {
        return given().header("Authorization", "Bearer " + SECRET).contentType(ContentType.JSON);
    }

    @Test
    void metrics_needTheSharedSecret_healthDoesNot() {
        given().get("/q/metrics").then().statusCode(401).contentType("application/problem+json")
                .body("status", equalTo(401)).body(not(containsString("jvm_")));
        given().header("Authorization", "Bearer not-the-secret-at-all").get("/q/metrics").then().statusCode(401);
        given().header("Authorization", "Bearer " + SECRET + "x").get("/q/metrics").then().statusCode(401);
        given().header("Authorization", "Bearer " + SECRET).get("/q/metrics").then().statusCode(200)
                .body(containsString("pdx_runner_runs_seconds_count{grade=\"IMPORTANT\",outcome=\"refused\"}"));
        given().header("Authorization", "Bearer test-previous-secret-0123456789").get("/q/metrics").then().statusCode(200);
        given().get("/q/health").then().statusCode(anyOf(is(200), is(503)));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void aRun_isCountedByGradeAndOutcome_andItsControlsAsAPolicyDecision() {
        double before = counted("pdx_runner_runs_seconds_count\\{grade=\"GENERAL\",outcome=\"succeeded\"\\}");
        UUID job = UUID.randomUUID();
        marketplace().body(new RunRequest(job, BY_DISTRICT, List.of(BUS), 0, 0, "org-" + UUID.randomUUID(), "2026"))
                .post("/internal/v1/jobs/" + job + "/run").then().statusCode(200);
        assertTrue(counted("pdx_runner_runs_seconds_count\\{grade=\"GENERAL\",outcome=\"succeeded\"\\}") >= before + 1);
        assertTrue(counted("pdx_policy_decisions_seconds_count\\{outcome=\"LOOKUP\",package=\"pdx.sandbox\",reason=\"none\",rule=\"controls\"\\}") >= 1);
        marketplace().delete("/internal/v1/jobs/" + job).then().statusCode(anyOf(is(200), is(204)));
    }

    @Test
    void theRequestIdOfMarketplaceApi_isAnswered_andOnTheRunnersLogLines() {
        try (CapturedLogs logs = CapturedLogs.start()) {
            marketplace().header(RequestId.HEADER, "api-req-4711")
                    .body(new AnalysisRequest(BY_DISTRICT, List.of(BUS))).post("/internal/v1/analysis")
                    .then().statusCode(200).header(RequestId.HEADER, "api-req-4711");
            long deadline = System.currentTimeMillis() + 5000;
            while (logs.lines().stream().noneMatch(line -> "api-req-4711".equals(line.requestId())
                    && line.message().contains("POST /internal/v1/analysis answered 200")) && System.currentTimeMillis() < deadline) {
                Thread.onSpinWait();
            }
            assertTrue(logs.lines().stream().anyMatch(line -> "api-req-4711".equals(line.requestId())
                    && line.message().contains("POST /internal/v1/analysis answered 200")), () -> "logged: " + logs.lines());
        }
        // an odd id (spaces: the start of a forged log line) is replaced, and so is none at all; refused calls get one too
        marketplace().header(RequestId.HEADER, "x INFO forged").body(new AnalysisRequest(BY_DISTRICT, List.of(BUS)))
                .post("/internal/v1/analysis").then().statusCode(200)
                .header(RequestId.HEADER, matchesPattern("[0-9a-f-]{36}"));
        given().contentType(ContentType.JSON).body(new AnalysisRequest(BY_DISTRICT, List.of(BUS))).post("/internal/v1/analysis")
                .then().statusCode(401).header(RequestId.HEADER, matchesPattern("[0-9a-f-]{36}"));
    }

    private static double counted(String series) {
        String metrics = given().header("Authorization", "Bearer " + SECRET).get("/q/metrics").then().statusCode(200)
                .extract().asString();
        Matcher value = Pattern.compile("(?m)^" + series + " ([0-9.eE+-]+)$").matcher(metrics);
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }
}
