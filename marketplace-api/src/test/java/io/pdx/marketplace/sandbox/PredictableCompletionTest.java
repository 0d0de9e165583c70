package io.pdx.marketplace.sandbox;

import io.pdx.marketplace.testing.KeycloakTokens;
import io.pdx.marketplace.testing.SandboxRunnerProcess;
import io.pdx.marketplace.testing.TestOrganizations;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.pdx.marketplace.sandbox.SandboxFixtures.BUS_COLUMNS;
import static io.pdx.marketplace.sandbox.SandboxFixtures.post;
import static io.pdx.marketplace.sandbox.SandboxFixtures.submit;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Predictable completion (issue #20; Fuzz's predictable transactions): a job's outcome reaches its requester at the end
 * of a slot fixed at admission from the statement and the tables' sizes — not when the run ended — through every view
 * the requester has (the job, the list filtered by state, the wait, the result, invoices, cancel); an organization's
 * slots follow one another, so one tenant's flood does not delay another's job.
 */
@Tag("stack") // needs the real stack: ./pdx test starts it; the fast tier leaves it out
@QuarkusTest
@WithTestResource(SandboxRunnerProcess.class)
class PredictableCompletionTest {

    static final String ORG_B = "91110000600037341L";
    static final String BY_DISTRICT = "SELECT district_code, count(*) AS swipes FROM bus_card_swipes GROUP BY district_code";

    private static ValidatableResponse asRequester(String id) {
        return given().auth().oauth2(KeycloakTokens.of("developer-a")).get("/api/v1/sandbox/jobs/" + id).then().statusCode(200);
    }

    private static String busLicense() {
        String product = SandboxFixtures.product(SandboxFixtures.dataset(SandboxFixtures.BUS), List.of("SANDBOX"), "PER_CALL", 7);
        return SandboxFixtures.activeLicense(product, BUS_COLUMNS, "SANDBOX", "INDUSTRY_DEVELOPMENT");
    }

    @Test
    void theRequester_seesTheOutcomeAtTheSlotsEnd_whileTheBureauSeesTheRunAsItWent() {
        String license = busLicense();
        var submitted = submit(license, BY_DISTRICT + " -- " + System.nanoTime()).statusCode(202).extract();
        String id = submitted.path("id");
        OffsetDateTime visibleAt = OffsetDateTime.parse(submitted.path("visibleAt"));
        OffsetDateTime createdAt = OffsetDateTime.parse(submitted.path("createdAt"));
        assertTrue(Duration.between(createdAt, visibleAt).toMillis() >= 1000, "a slot lasts at least the policy's base");

        // the bureau sees the run finish and release; the requester, until the slot's end, a job that is running
        String bureauState = null;
        for (int look = 0; look < 40 && OffsetDateTime.now().isBefore(visibleAt.minus(Duration.ofMillis(200))); look++) {
            bureauState = SandboxFixtures.asReviewer(id).extract().path("state");
            ValidatableResponse early = asRequester(id);
            if (!OffsetDateTime.now().isBefore(visibleAt)) {
                break;
            }
            early.body("state", org.hamcrest.Matchers.oneOf("ADMITTED", "RUNNING")).body("result", nullValue())
                    .body("finishedAt", nullValue()).body("startedAt", nullValue())
                    .body("version", equalTo(0)).body("expiresAt", nullValue());
            if ("RELEASED".equals(bureauState)) {
                given().auth().oauth2(KeycloakTokens.of("developer-a")).get("/api/v1/sandbox/jobs?state=RELEASED&licenseId=" + license)
                        .then().statusCode(200).body("total", equalTo(0));
                given().auth().oauth2(KeycloakTokens.of("developer-a")).get("/api/v1/sandbox/jobs/" + id + "/result")
                        .then().statusCode(409);
                assertEquals(0, invoiceLines(license).size(), "no invoice line before the outcome is visible");
                break;
            }
            sleep(50);
        }
        assertEquals("RELEASED", bureauState, "the run finished well inside its slot");

        // the wait answers at the slot's end, not earlier
        ValidatableResponse settled = given().auth().oauth2(KeycloakTokens.of("developer-a"))
                .get("/api/v1/sandbox/jobs/" + id + "?wait=PT30S").then().statusCode(200);
        OffsetDateTime answered = OffsetDateTime.now();
        assertFalse(answered.isBefore(visibleAt), "the wait answered at " + answered + ", before the slot's end " + visibleAt);
        settled.body("state", equalTo("RELEASED")).body("version", equalTo(0));
        // the requester's start and end are the slot's, never the run's
        assertEquals(OffsetDateTime.parse(settled.extract().path("finishedAt")).toInstant(), visibleAt.toInstant());
        OffsetDateTime slotStart = OffsetDateTime.parse(settled.extract().path("startedAt"));
        assertTrue(!slotStart.isAfter(visibleAt) && Duration.between(createdAt, slotStart).abs().toMillis() < 1000,
                "the requester's start is the slot's: " + slotStart);
        // the result's expiry counts from the slot's start too (the run's end plus the retention would tell when it ended)
        assertEquals(java.time.Instant.parse(settled.extract().path("result.expiresAt")),
                OffsetDateTime.parse(settled.extract().path("expiresAt")).toInstant());
        assertTrue(OffsetDateTime.parse(settled.extract().path("expiresAt")).isBefore(
                OffsetDateTime.parse(SandboxFixtures.asReviewer(id).extract().path("expiresAt"))), "the bureau sees the run's own expiry");
        String bureauFinished = SandboxFixtures.asReviewer(id).extract().path("finishedAt");
        assertTrue(OffsetDateTime.parse(bureauFinished).isBefore(visibleAt), "the run itself ended before the slot did");
        assertEquals(1, invoiceLines(license).size(), "metered once its outcome is visible");
    }

    @Test
    void anOrganizationsSlots_followOneAnother_andItsRequesterCancelsOnlyBeforeItsSlotBegins() {
        String license = busLicense();
        List<Map<String, String>> jobs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            var job = submit(license, BY_DISTRICT + " -- chain " + i + " " + System.nanoTime()).statusCode(202).extract();
            jobs.add(Map.of("id", job.path("id"), "visibleAt", job.path("visibleAt")));
        }
        for (int i = 1; i < jobs.size(); i++) {
            OffsetDateTime previous = OffsetDateTime.parse(jobs.get(i - 1).get("visibleAt"));
            OffsetDateTime next = OffsetDateTime.parse(jobs.get(i).get("visibleAt"));
            assertTrue(next.isAfter(previous.plus(Duration.ofMillis(999))), "slot " + i + " follows slot " + (i - 1));
        }
        // the last one's slot has not begun: it can be cancelled, and its charge is given back
        post("developer-a", "/api/v1/sandbox/jobs/" + jobs.get(2).get("id") + "/cancel", null).statusCode(200)
                .body("state", equalTo("CANCELLED"));
        // once the second one's slot has begun (it shows RUNNING), cancelling it is a 409 whatever its run is doing
        String second = jobs.get(1).get("id");
        for (int look = 0; look < 400 && !"RUNNING".equals(asRequester(second).extract().path("state")); look++) {
            sleep(25);
        }
        post("developer-a", "/api/v1/sandbox/jobs/" + second + "/cancel", null).statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("slot-begun"));
        SandboxFixtures.awaitJob(jobs.get(1).get("id")).body("state", equalTo("RELEASED"));
    }

    /** A flood of one organization's jobs does not hold the runner for another organization. */
    @Test
    void oneOrganizationsFlood_doesNotDelayAnothersJob() {
        String licenseA = busLicense();
        List<String> flood = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            flood.add(submit(licenseA, BY_DISTRICT + " -- flood " + i + " " + System.nanoTime()).statusCode(202).extract().path("id"));
        }
        TestOrganizations.verified(ORG_B, "京数智能科技有限公司");
        String licenseB = licenseOfOrganizationB();
        Map<String, Object> body = new HashMap<>();
        body.put("licenseId", licenseB);
        body.put("sql", BY_DISTRICT + " -- b " + System.nanoTime());
        var jobB = given().auth().oauth2(KeycloakTokens.of("developer-b")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/sandbox/jobs").then().statusCode(202).extract();
        OffsetDateTime created = OffsetDateTime.parse(jobB.path("createdAt"));
        OffsetDateTime visibleB = OffsetDateTime.parse(jobB.path("visibleAt"));
        OffsetDateTime lastOfA = OffsetDateTime.parse(asRequester(flood.get(flood.size() - 1)).extract().path("visibleAt"));
        assertTrue(visibleB.isBefore(lastOfA), "B's slot is its own, not behind A's six");
        assertTrue(Duration.between(created, visibleB).toMillis() < 10_000, "B's slot starts at its submission");
        given().auth().oauth2(KeycloakTokens.of("developer-b")).get("/api/v1/sandbox/jobs/" + jobB.path("id") + "?wait=PT30S")
                .then().statusCode(200).body("state", equalTo("RELEASED"));
        for (String id : flood) {
            SandboxFixtures.awaitJob(id).body("state", equalTo("RELEASED"));
        }
    }

    private static String licenseOfOrganizationB() {
        String product = SandboxFixtures.product(SandboxFixtures.dataset(SandboxFixtures.BUS), List.of("SANDBOX"), "FREE", 0);
        Map<String, Object> application = new HashMap<>();
        application.put("productId", product);
        application.put("purposeCategory", "PUBLIC_GOVERNANCE");
        application.put("purposeText", "公平性测试 / fairness test");
        application.put("columns", BUS_COLUMNS);
        application.put("mode", "SANDBOX");
        application.put("termStart", "2026-11-01");
        application.put("termEnd", "2027-10-31");
        String id = post("operator-b", "/api/v1/licenses", application).statusCode(201).body("state", equalTo("APPROVED"))
                .extract().path("id");
        post("operator-b", "/api/v1/licenses/" + id + "/accept", null).statusCode(200).body("state", equalTo("ACTIVE"));
        return id;
    }

    private static List<Map<String, Object>> invoiceLines(String license) {
        return given().auth().oauth2(KeycloakTokens.of("operator-a")).get("/api/v1/invoices").then().statusCode(200)
                .extract().path("items.findAll { it.licenseId == '" + license + "' }");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
