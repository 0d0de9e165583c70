package io.pdx.marketplace.sandbox;

import io.pdx.marketplace.observability.PlatformGauges;
import io.pdx.marketplace.testing.KeycloakTokens;
import io.pdx.marketplace.testing.ManagementInterface;
import io.pdx.marketplace.testing.SandboxRunnerProcess;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The platform's metrics at /q/metrics (management interface) follow what happens: 秒批 and reviewed applications, job outcomes and releases
 * by grade, the review backlog and the ε spent (refreshed from PostgreSQL), and OPA's decisions by package.
 */
@Tag("stack") // needs the real stack: ./pdx test starts it; the fast tier leaves it out
@QuarkusTest
@WithTestResource(SandboxRunnerProcess.class)
class SandboxMetricsTest {

    static final Pattern SERIES = Pattern.compile("(?m)^([a-z_]+\\{[^}]*\\}|[a-z_]+) ([0-9.eE+-]+|NaN)$");

    @Inject
    PlatformGauges gauges;

    @Test
    void applicationsJobsReleasesBacklogAndBudget_areCounted() {
        Map<String, Double> before = scrape();
        SandboxFixtures.Licensed licensed = SandboxFixtures.licensed(0);
        // one more IMPORTANT application, left in review
        Map<String, Object> application = new HashMap<>(Map.of("productId", licensed.claimsProduct(), "purposeCategory", "PUBLIC_WELFARE",
                "purposeText", "指标测试 / metrics test", "columns", List.of("age", "gender"), "mode", "SANDBOX",
                "termStart", "2026-11-01", "termEnd", "2027-10-31"));
        SandboxFixtures.post("operator-a", "/api/v1/licenses", application).statusCode(201).body("state", equalTo("IN_REVIEW"));
        SandboxFixtures.run(licensed.busLicense(), SandboxJobTest.BY_DISTRICT).body("state", equalTo("RELEASED"));
        String waiting = SandboxFixtures.run(SandboxFixtures.freshClaims().license(), SandboxJobTest.CLAIMS_BY_GENDER)
                .body("state", equalTo("AWAITING_RELEASE")).extract().path("id");
        gauges.refresh().await().atMost(Duration.ofSeconds(10));
        Map<String, Double> during = scrape();

        assertGrew(before, during, "pdx_license_applications_total{decision=\"AUTO_APPROVE\",grade=\"GENERAL\"}", 1);
        assertGrew(before, during, "pdx_license_applications_total{decision=\"REVIEW\",grade=\"IMPORTANT\"}", 2);
        assertGrew(before, during, "pdx_sandbox_job_outcomes_total{grade=\"GENERAL\",outcome=\"AUTO_RELEASE\"}", 1);
        assertGrew(before, during, "pdx_sandbox_job_outcomes_total{grade=\"IMPORTANT\",outcome=\"AWAIT_REVIEW\"}", 1);
        assertGrew(before, during, "pdx_sandbox_releases_total{decided_by=\"policy\",grade=\"GENERAL\"}", 1);
        assertTrue(during.get("pdx_review_backlog{queue=\"license_review\"}") >= 1, "an application waits: " + during);
        assertTrue(during.get("pdx_review_backlog{queue=\"release_review\"}") >= 1, "a result waits");
        assertTrue(during.get("pdx_review_backlog_oldest_seconds{queue=\"release_review\"}") >= 0);
        assertTrue(during.get("pdx_sandbox_jobs{grade=\"IMPORTANT\",state=\"AWAITING_RELEASE\"}") >= 1);
        assertTrue(during.get("pdx_sandbox_jobs{grade=\"GENERAL\",state=\"RELEASED\"}") >= 1);
        assertTrue(during.get("pdx_privacy_epsilon_spent_micros{grade=\"IMPORTANT\"}") >= 550_000, "the job's ε (0.55) at least");
        assertEquals(0.0, during.get("pdx_privacy_epsilon_spent_micros{grade=\"GENERAL\"}"), "GENERAL data spends no ε");
        assertTrue(during.get("pdx_policy_decisions_seconds_count{outcome=\"ALLOW\",package=\"pdx.authz\",reason=\"none\",rule=\"decision\"}") >= 1);
        assertTrue(during.get("pdx_policy_decisions_seconds_count{outcome=\"AUTO_APPROVE\",package=\"pdx.license\",reason=\"none\",rule=\"*\"}") >= 1);
        assertTrue(during.get("pdx_policy_decisions_seconds_count{outcome=\"REVIEW\",package=\"pdx.sandbox\",reason=\"release_requires_review\",rule=\"release\"}") >= 1,
                "the release decision of the IMPORTANT job, with its reason");
        assertTrue(during.keySet().stream().anyMatch(series -> series.startsWith("pdx_policy_decisions_seconds_bucket{")), "latency buckets");

        SandboxFixtures.post("reviewer-1", "/api/v1/sandbox/jobs/" + waiting + "/release", null).statusCode(200);
        assertGrew(before, scrape(), "pdx_sandbox_releases_total{decided_by=\"reviewer\",grade=\"IMPORTANT\"}", 1);
    }

    @Test
    void everyLabelIsFromAClosedSet_noOrganizationUserOrIdIsALabel() {
        SandboxFixtures.licensed(0);
        String metrics = ManagementInterface.given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String forbidden : List.of(SandboxFixtures.ORG_A, "developer-a", "operator-a", "organization=", "user=", "license=")) {
            assertTrue(metrics.lines().filter(line -> line.startsWith("pdx_")).noneMatch(line -> line.contains(forbidden)),
                    "no pdx series labelled with " + forbidden);
        }
        // not on the public port, whoever asks
        given().auth().oauth2(KeycloakTokens.of("developer-a")).get("/q/metrics").then().statusCode(404);
    }

    private static void assertGrew(Map<String, Double> before, Map<String, Double> after, String series, double by) {
        assertTrue(after.containsKey(series), () -> "exposed: " + series);
        double grown = after.get(series) - before.getOrDefault(series, 0.0);
        assertTrue(grown >= by, () -> series + " grew by " + grown + ", expected at least " + by);
    }

    static Map<String, Double> scrape() {
        String metrics = ManagementInterface.given().get("/q/metrics").then().statusCode(200).extract().asString();
        Map<String, Double> series = new HashMap<>();
        Matcher line = SERIES.matcher(metrics);
        while (line.find()) {
            series.put(line.group(1), "NaN".equals(line.group(2)) ? Double.NaN : Double.parseDouble(line.group(2)));
        }
        return series;
    }
}
