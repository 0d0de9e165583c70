package io.pdx.marketplace.sandbox;

import org.junit.jupiter.api.Tag;
import io.pdx.marketplace.testing.KeycloakTokens;
import io.pdx.marketplace.testing.SandboxRunnerProcess;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.pdx.marketplace.sandbox.SandboxFixtures.activeLicense;
import static io.pdx.marketplace.sandbox.SandboxFixtures.asReviewer;
import static io.pdx.marketplace.sandbox.SandboxFixtures.awaitJob;
import static io.pdx.marketplace.sandbox.SandboxFixtures.exact;
import static io.pdx.marketplace.sandbox.SandboxFixtures.post;
import static io.pdx.marketplace.sandbox.SandboxFixtures.readArrow;
import static io.pdx.marketplace.sandbox.SandboxFixtures.run;
import static io.pdx.marketplace.sandbox.SandboxFixtures.submit;
import static io.pdx.marketplace.sandbox.SandboxFixtures.submitTemplate;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sandbox jobs end to end against the real stack: Keycloak tokens, OPA's pdx.sandbox, PostgreSQL,
 * and the real sandbox-runner (its packaged jar, over the demo Parquet files at the small scale).
 */
@Tag("stack") // needs the real stack: ./pdx test starts it; the fast tier leaves it out
@QuarkusTest
@WithTestResource(SandboxRunnerProcess.class)
class SandboxJobTest {

    static final List<String> BUS_COLUMNS = SandboxFixtures.BUS_COLUMNS;
    static final List<String> CLAIM_COLUMNS = SandboxFixtures.CLAIM_COLUMNS;
    static final String BY_DISTRICT = "SELECT district_code, count(*) AS swipes, sum(fare_cents) AS fares"
            + " FROM bus_card_swipes GROUP BY district_code ORDER BY district_code";
    static final String CLAIMS_BY_GENDER = "SELECT gender, count(*) AS claims, avg(total_amount) AS avg_amount"
            + " FROM medical_insurance_claims WHERE age >= 18 GROUP BY gender";

    @Inject
    JobQueue queue;

    static String busProduct;
    static String claimsProduct;
    static String busLicense;
    static String claimsLicense;

    @BeforeEach
    void licenses() {
        if (busLicense != null) {
            return;
        }
        SandboxFixtures.Licensed licensed = SandboxFixtures.licensed(100);
        busProduct = licensed.busProduct();
        claimsProduct = licensed.claimsProduct();
        busLicense = licensed.busLicense();
        claimsLicense = licensed.claimsLicense();
    }

    @Nested
    class GeneralData {

        @Test
        void aggregate_isReleasedAtOnce_andReadsBackWithTheArrowJavaReader_exactlyAsBareDuckDb() throws Exception {
            String id = run(busLicense, BY_DISTRICT)
                    .body("state", equalTo("RELEASED"))
                    .body("grade", equalTo("GENERAL"))
                    .body("epsilon", equalTo(0))
                    .body("sqlSha256", matchesPattern("[0-9a-f]{64}"))
                    .body("result.rowCount", equalTo(6))
                    .body("result.suppressedGroups", nullValue()) // the requester never sees what was withheld
                    .body("result.k", equalTo(10))
                    .body("result.noise", nullValue())
                    .body("result.columns.name", equalTo(List.of("district_code", "swipes", "fares")))
                    .body("result.columns.find { it.name == 'swipes' }.aggregate", equalTo("COUNT"))
                    .body("result.columns.find { it.name == 'district_code' }.use", equalTo("GROUP_BY"))
                    .extract().path("id");
            byte[] arrow = given().auth().oauth2(KeycloakTokens.of("developer-a"))
                    .get("/api/v1/sandbox/jobs/" + id + "/result")
                    .then().statusCode(200).contentType("application/vnd.apache.arrow.stream")
                    .extract().asByteArray();
            SandboxFixtures.ArrowResult result = readArrow(arrow);
            assertEquals(List.of("district_code", "swipes", "fares"), result.columns(), "hidden columns never leave");
            assertEquals("GENERAL", result.metadata().get("pdx.grade"));
            assertEquals("10", result.metadata().get("pdx.k"));
            assertEquals(id, result.metadata().get("pdx.job_id"));
            List<Map<String, Object>> expected = exact(BY_DISTRICT);
            assertEquals(expected.size(), result.rows().size());
            for (int row = 0; row < expected.size(); row++) {
                assertEquals(expected.get(row).get("district_code"), result.rows().get(row).get("district_code"));
                assertEquals(((Number) expected.get(row).get("swipes")).longValue(),
                        ((Number) result.rows().get(row).get("swipes")).longValue());
                assertEquals(((Number) expected.get(row).get("fares")).longValue(),
                        ((Number) result.rows().get(row).get("fares")).longValue());
            }
        }

        @Test
        void list_narrowsToOneLicense_andRefusesAnIdThatIsNotOne() {
            String bus = submit(busLicense, BY_DISTRICT).statusCode(202).extract().path("id");
            String claims = submit(claimsLicense, CLAIMS_BY_GENDER).statusCode(202).extract().path("id");
            given().auth().oauth2(KeycloakTokens.of("developer-a")).queryParam("licenseId", busLicense).queryParam("size", 500)
                    .get("/api/v1/sandbox/jobs")
                    .then().statusCode(200)
                    .body("items.id", hasItem(bus))
                    .body("items.id", not(hasItem(claims)))
                    .body("items.licenseId", everyItem(equalTo(busLicense)));
            // another organization's developer asking for this license's jobs sees none of them
            given().auth().oauth2(KeycloakTokens.of("developer-b")).queryParam("licenseId", busLicense)
                    .get("/api/v1/sandbox/jobs")
                    .then().statusCode(200).body("total", equalTo(0));
            given().auth().oauth2(KeycloakTokens.of("developer-a")).queryParam("licenseId", "not-a-uuid")
                    .get("/api/v1/sandbox/jobs")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("licenseId"));
        }

        @Test
        void resultWithWait_answersOnceTheJobIsReleased_soSubmitThenReadIsTheWholeClient() throws Exception {
            String id = submit(busLicense, BY_DISTRICT).statusCode(202).extract().path("id");
            byte[] arrow = given().auth().oauth2(KeycloakTokens.of("developer-a"))
                    .get("/api/v1/sandbox/jobs/" + id + "/result?wait=PT30S")
                    .then().statusCode(200).contentType("application/vnd.apache.arrow.stream")
                    .extract().asByteArray();
            SandboxFixtures.ArrowResult result = readArrow(arrow);
            assertEquals(id, result.metadata().get("pdx.job_id"));
            assertEquals(List.of("district_code", "swipes", "fares"), result.columns());
            assertEquals(exact(BY_DISTRICT).size(), result.rows().size());
            given().auth().oauth2(KeycloakTokens.of("developer-a"))
                    .get("/api/v1/sandbox/jobs/" + id + "/result?wait=soon")
                    .then().statusCode(400).contentType("application/problem+json");
            given().auth().oauth2(KeycloakTokens.of("developer-b"))
                    .get("/api/v1/sandbox/jobs/" + id + "/result?wait=PT1S")
                    .then().statusCode(404);
        }

        @Test
        void aJobSubmittedWhileTheInstanceRunsAnother_waitsAdmitted_andTheWorkerClaimsAndRunsIt() throws InterruptedException {
            long deadline = System.nanoTime() + 20_000_000_000L;
            JobQueue.Offer busy = queue.offer();
            while (!busy.reserve()) { // stands for a job this instance is running
                assertTrue(System.nanoTime() < deadline, "the worker stayed busy");
                Thread.sleep(20);
            }
            String id;
            try {
                id = submit(busLicense, "SELECT card_type, count(*) AS swipes FROM bus_card_swipes GROUP BY card_type")
                        .statusCode(202).extract().path("id");
                // its requester sees its slot, not the queue: ADMITTED, or RUNNING once the slot began (250 ms after the
                // submission arrived, which a loaded machine passes before this read) — and while the instance is busy
                // nothing claimed it
                asReviewer(id).body("state", org.hamcrest.Matchers.oneOf("ADMITTED", "RUNNING"));
                List<String> whileBusy = given().auth().oauth2(KeycloakTokens.of("bureau-admin"))
                        .get("/api/v1/audit/events?resourceId=" + id + "&size=50").then().statusCode(200)
                        .extract().path("items.action");
                assertTrue(whileBusy.contains("job.admit") && !whileBusy.contains("job.start"), "trail while busy: " + whileBusy);
            } finally {
                busy.rollback();
            }
            queue.kick();
            awaitJob(id).body("state", equalTo("RELEASED")).body("startedAt", notNullValue());
            List<String> actions = given().auth().oauth2(KeycloakTokens.of("bureau-admin"))
                    .get("/api/v1/audit/events?resourceId=" + id + "&size=50").then().statusCode(200)
                    .extract().path("items.action");
            assertTrue(actions.containsAll(List.of("job.admit", "job.start", "job.run", "job.released")), "trail: " + actions);
        }

        @Test
        void submitAskingForArrow_answersWithTheReleasedResult_inOneCall() throws Exception {
            byte[] arrow = given().auth().oauth2(KeycloakTokens.of("developer-a")).contentType("application/json")
                    .accept("application/vnd.apache.arrow.stream")
                    .body(Map.of("licenseId", busLicense, "sql", BY_DISTRICT))
                    .post("/api/v1/sandbox/jobs?wait=PT30S")
                    .then().statusCode(200).contentType("application/vnd.apache.arrow.stream")
                    .extract().asByteArray();
            SandboxFixtures.ArrowResult result = readArrow(arrow);
            assertEquals(List.of("district_code", "swipes", "fares"), result.columns());
            assertEquals(exact(BY_DISTRICT).size(), result.rows().size());
            String id = result.metadata().get("pdx.job_id");
            given().auth().oauth2(KeycloakTokens.of("developer-a")).get("/api/v1/sandbox/jobs/" + id)
                    .then().statusCode(200).body("state", equalTo("RELEASED"));
            // without asking for Arrow the answer stays the accepted job
            given().auth().oauth2(KeycloakTokens.of("developer-a")).contentType("application/json")
                    .body(Map.of("licenseId", busLicense, "sql", BY_DISTRICT)).post("/api/v1/sandbox/jobs")
                    .then().statusCode(202).contentType("application/json").body("state", notNullValue());
            // a refusal is the same problem+json either way
            given().auth().oauth2(KeycloakTokens.of("developer-a")).contentType("application/json")
                    .accept("application/vnd.apache.arrow.stream")
                    .body(Map.of("licenseId", busLicense, "sql", "SELECT * FROM read_csv('/etc/passwd')"))
                    .post("/api/v1/sandbox/jobs?wait=PT30S")
                    .then().statusCode(422).contentType("application/problem+json");
        }

        @Test
        void jsonPreview_givesAtMost100Rows_withTheControlsApplied() {
            String id = run(busLicense, "SELECT route_id, fare_cents FROM bus_card_swipes WHERE card_type = '学生卡'")
                    .body("state", equalTo("RELEASED"))
                    .body("result.rowCount", greaterThan(100))
                    .body("result.k", equalTo(10)) // released only because the rows come from at least k cards
                    .extract().path("id");
            given().auth().oauth2(KeycloakTokens.of("developer-a"))
                    .get("/api/v1/sandbox/jobs/" + id + "/result?format=json")
                    .then().statusCode(200).contentType("application/json")
                    .body("rows", hasSize(100))
                    .body("previewRows", equalTo(100))
                    .body("columns.name", equalTo(List.of("route_id", "fare_cents")))
                    .body("metadata.'pdx.output'", equalTo("ROW_LEVEL"))
                    .body("rows[0].route_id", matchesPattern("L[0-9]{3}"));
        }

        @Test
        void smallGroups_areSuppressed_andEveryReleasedGroupHasAtLeastKCards() throws Exception {
            String id = run(busLicense, "SELECT stop_id, route_id, count(*) AS swipes FROM bus_card_swipes"
                    + " GROUP BY stop_id, route_id")
                    .body("state", equalTo("RELEASED"))
                    .body("result.suppressedGroups", nullValue())
                    .extract().path("id");
            SandboxFixtures.asReviewer(id).body("result.suppressedGroups", greaterThan(1000));
            byte[] arrow = given().auth().oauth2(KeycloakTokens.of("developer-a"))
                    .get("/api/v1/sandbox/jobs/" + id + "/result").then().statusCode(200).extract().asByteArray();
            for (Map<String, Object> row : readArrow(arrow).rows()) {
                assertTrue(((Number) row.get("swipes")).longValue() >= 10, "a released group has at least k = 10 swipes");
            }
        }

        @Test
        void template_isFilledWithCheckedParameters_andAnInvalidOneIsA422NamingIt() {
            // the request is well-formed (its schema holds); the template's own parameter types are a rule beyond it
            submitTemplate(busLicense, "tpl-traffic-flow-by-hour", Map.of("district", "350102' OR 1=1 --"))
                    .statusCode(422).contentType("application/problem+json")
                    .body("errors.field", hasItem("params.district"));
            String id = submitTemplate(busLicense, "tpl-traffic-flow-by-hour", Map.of("district", "350102"))
                    .statusCode(202).body("templateId", equalTo("tpl-traffic-flow-by-hour")).extract().path("id");
            awaitJob(id).body("state", equalTo("RELEASED")).body("result.rowCount", greaterThan(0));
        }
    }

    @Nested
    class ImportantData {

        @Test
        void aggregate_isNoised_chargesEpsilonAndDelta_andWaitsForABureauReviewer() throws Exception {
            String id = run(SandboxFixtures.freshClaims().license(), CLAIMS_BY_GENDER)
                    .body("state", equalTo("AWAITING_RELEASE"))
                    .body("grade", equalTo("IMPORTANT"))
                    .body("epsilon", equalTo(0.55f)) // the middle of the policy's range
                    .body("delta", equalTo(1.0E-7f))
                    .body("budget.epsilonBudget", equalTo(10))
                    .body("result", nullValue()) // nothing computed from the data before release
                    .body("releaseReasons.code", hasItem("release_requires_review"))
                    .extract().path("id");
            given().auth().oauth2(KeycloakTokens.of("reviewer-1")).get("/api/v1/sandbox/jobs/" + id).then().statusCode(200)
                    .body("result.noise", equalTo("DISCRETE_LAPLACE")).body("result.k", equalTo(50))
                    .body("result.rowCount", equalTo(2)).body("result.suppressedGroups", equalTo(0));
            given().auth().oauth2(KeycloakTokens.of("developer-a")).get("/api/v1/sandbox/jobs/" + id + "/result")
                    .then().statusCode(409).contentType("application/problem+json");
            post("developer-a", "/api/v1/sandbox/jobs/" + id + "/release", null).statusCode(403);
            post("reviewer-1", "/api/v1/sandbox/jobs/" + id + "/release", null).statusCode(200)
                    .body("state", equalTo("RELEASED")).body("reviewedBy", equalTo("reviewer-1"));
            byte[] arrow = given().auth().oauth2(KeycloakTokens.of("developer-a"))
                    .get("/api/v1/sandbox/jobs/" + id + "/result").then().statusCode(200).extract().asByteArray();
            SandboxFixtures.ArrowResult result = readArrow(arrow);
            assertEquals("DISCRETE_LAPLACE", result.metadata().get("pdx.noise"));
            assertEquals("0.55", result.metadata().get("pdx.epsilon"));
            assertEquals("true", result.metadata().get("pdx.k_noised"));
            assertEquals("10", result.metadata().get("pdx.max_rows_per_entity"));
            long exactTotal = exact("SELECT count(*) AS n FROM medical_insurance_claims WHERE age >= 18").stream()
                    .mapToLong(row -> ((Number) row.get("n")).longValue()).sum();
            long noisyTotal = result.rows().stream().mapToLong(row -> ((Number) row.get("claims")).longValue()).sum();
            assertTrue(Math.abs(noisyTotal - exactTotal) < 0.03 * exactTotal,
                    "contribution bounds and noise of scale ~73 per group stay within 3 %: " + noisyTotal + " vs " + exactTotal);
            given().auth().oauth2(KeycloakTokens.of("developer-a")).get("/api/v1/sandbox/jobs/" + id).then().statusCode(200)
                    .body("result.rowCount", equalTo(2)).body("result.suppressedGroups", nullValue());
        }

        @Test
        void resultWithWait_ofAResultAwaitingReview_isA409NamingThatState_notTheRunningOne() {
            String id = submit(claimsLicense, "SELECT gender, count(*) AS claims FROM medical_insurance_claims WHERE age >= 41 GROUP BY gender")
                    .statusCode(202).extract().path("id");
            given().auth().oauth2(KeycloakTokens.of("developer-a"))
                    .get("/api/v1/sandbox/jobs/" + id + "/result?wait=PT30S")
                    .then().statusCode(409).contentType("application/problem+json")
                    .body("detail", containsString("AWAITING_RELEASE"));
        }

        @Test
        void submitAskingForArrow_ofAResultThatAwaitsReview_isA409NamingTheJob() {
            String detail = given().auth().oauth2(KeycloakTokens.of("developer-a")).contentType("application/json")
                    .accept("application/vnd.apache.arrow.stream")
                    .body(Map.of("licenseId", claimsLicense, "sql",
                            "SELECT gender, count(*) AS claims FROM medical_insurance_claims WHERE age >= 43 GROUP BY gender"))
                    .post("/api/v1/sandbox/jobs")
                    .then().statusCode(409).contentType("application/problem+json")
                    .body("detail", containsString("AWAITING_RELEASE")).extract().path("detail");
            String id = detail.replaceAll(".*job ([0-9a-f-]{36}).*", "$1");
            given().auth().oauth2(KeycloakTokens.of("developer-a")).get("/api/v1/sandbox/jobs/" + id)
                    .then().statusCode(200).body("state", equalTo("AWAITING_RELEASE"));
        }

        @Test
        void reviewerRejects_withAReason_andTheResultNeverLeaves() {
            String id = run(claimsLicense, "SELECT district_code, count(*) AS claims FROM medical_insurance_claims"
                    + " GROUP BY district_code")
                    .body("state", equalTo("AWAITING_RELEASE")).extract().path("id");
            post("reviewer-2", "/api/v1/sandbox/jobs/" + id + "/reject", Map.of()).statusCode(400);
            post("reviewer-2", "/api/v1/sandbox/jobs/" + id + "/reject", Map.of("reason", "分组过细 / groups too fine"))
                    .statusCode(200).body("state", equalTo("REJECTED")).body("reviewNote", equalTo("分组过细 / groups too fine"));
            given().auth().oauth2(KeycloakTokens.of("developer-a")).get("/api/v1/sandbox/jobs/" + id + "/result")
                    .then().statusCode(409);
            post("reviewer-1", "/api/v1/sandbox/jobs/" + id + "/release", null).statusCode(409);
        }

        @Test
        void preApprovedTemplate_releasesAutomatically_evenForImportantData() {
            String id = submitTemplate(claimsLicense, "tpl-claims-by-district-age", Map.of("min_age", "60"))
                    .statusCode(202).extract().path("id");
            awaitJob(id).body("state", equalTo("RELEASED")).body("result.noise", equalTo("DISCRETE_LAPLACE"));
        }

        @Test
        void theSameQueryAgain_returnsTheSameNoisyAnswer_atNoEpsilon_evenUnderAnotherLicense() throws Exception {
            SandboxFixtures.Fresh claims = SandboxFixtures.freshClaims();
            String first = run(claims.license(), CLAIMS_BY_GENDER).body("epsilon", equalTo(0.55f)).extract().path("id");
            post("reviewer-1", "/api/v1/sandbox/jobs/" + first + "/release", null).statusCode(200);
            byte[] firstAnswer = resultOf(first);
            String second = activeLicense(claims.product(), CLAIM_COLUMNS, "SANDBOX", "INDUSTRY_DEVELOPMENT");
            for (int repeat = 0; repeat < 6; repeat++) {
                String again = run(repeat % 2 == 0 ? claims.license() : second,
                        CLAIMS_BY_GENDER.replace("SELECT", "SELECT  ").toLowerCase())
                        .body("state", equalTo("RELEASED"))
                        .body("reusedFrom", equalTo(first))
                        .body("epsilon", equalTo(0)).extract().path("id");
                assertEquals(readArrow(firstAnswer).rows(), readArrow(resultOf(again)).rows());
            }
        }

        @Test
        void distinctQueries_spendTheOrganizationsBudgetOnTheDataset_untilAdmissionRefusesTheNext() {
            SandboxFixtures.Fresh claims = SandboxFixtures.freshClaims();
            for (int age = 20; age < 30; age++) {
                run(claims.license(), "SELECT gender, count(*) AS claims FROM medical_insurance_claims WHERE age >= " + age
                        + " GROUP BY gender", 1.0).body("epsilon", equalTo(1));
            }
            submit(claims.license(), "SELECT gender, count(*) AS claims FROM medical_insurance_claims WHERE age >= 30 GROUP BY gender")
                    .statusCode(403).contentType("application/problem+json")
                    .body("reasons.code", hasItem("epsilon_budget_exhausted"))
                    .body("reasons[0].message_zh", notNullValue());
        }

        @Test
        void aRun_isMetered_asAnInvoiceLine_atTheProductsPricePerCall() throws InterruptedException {
            String license = activeLicense(claimsProduct, CLAIM_COLUMNS, "SANDBOX", "INDUSTRY_DEVELOPMENT");
            run(license, CLAIMS_BY_GENDER).body("state", equalTo("AWAITING_RELEASE"));
            List<Map<String, Object>> lines = List.of();
            for (int attempt = 0; attempt < 50 && lines.isEmpty(); attempt++) { // metered just after the release decision
                lines = given().auth().oauth2(KeycloakTokens.of("operator-a")).get("/api/v1/invoices")
                        .then().statusCode(200).extract().path("items.findAll { it.licenseId == '" + license + "' }");
                if (lines.isEmpty()) {
                    Thread.sleep(100);
                }
            }
            assertEquals(1, lines.size(), "one call, one invoice line");
            assertEquals("CALL", lines.get(0).get("unit"));
            assertEquals(100, ((Number) lines.get(0).get("amountFen")).intValue());
        }

        private byte[] resultOf(String id) {
            return given().auth().oauth2(KeycloakTokens.of("developer-a")).get("/api/v1/sandbox/jobs/" + id + "/result")
                    .then().statusCode(200).extract().asByteArray();
        }
    }

    @Nested
    class Access {

        @Test
        void anotherOrganization_seesNeitherTheJobNorItsResult() {
            String id = run(busLicense, BY_DISTRICT).body("state", equalTo("RELEASED")).extract().path("id");
            given().auth().oauth2(KeycloakTokens.of("developer-b")).get("/api/v1/sandbox/jobs/" + id)
                    .then().statusCode(404);
            given().auth().oauth2(KeycloakTokens.of("developer-b")).get("/api/v1/sandbox/jobs/" + id + "/result")
                    .then().statusCode(404);
            given().get("/api/v1/sandbox/jobs/" + id).then().statusCode(401);
            SandboxFixtures.post("developer-b", "/api/v1/sandbox/jobs", Map.of("licenseId", busLicense, "sql", BY_DISTRICT))
                    .statusCode(404);
        }

        @Test
        void aSubmissionTheCallerMayNotMake_isRefusedAsSuch_whateverTheLicense() {
            // the license is read while OPA decides; the refusal still comes first, and says nothing of the license
            given().contentType("application/json").body(Map.of("licenseId", busLicense, "sql", BY_DISTRICT))
                    .post("/api/v1/sandbox/jobs").then().statusCode(401).contentType("application/problem+json");
            given().contentType("application/json").body(Map.of("licenseId", UUID.randomUUID().toString(), "sql", BY_DISTRICT))
                    .post("/api/v1/sandbox/jobs").then().statusCode(401);
            SandboxFixtures.post("reviewer-1", "/api/v1/sandbox/jobs", Map.of("licenseId", UUID.randomUUID().toString(),
                    "sql", BY_DISTRICT)).statusCode(403).contentType("application/problem+json");
            SandboxFixtures.post("developer-a", "/api/v1/sandbox/jobs", Map.of("licenseId", UUID.randomUUID().toString(),
                    "sql", BY_DISTRICT)).statusCode(404).contentType("application/problem+json");
        }

        @Test
        void suspension_blocksTheNextJob_andResumingAllowsItAgain() {
            String license = activeLicense(busProduct, BUS_COLUMNS, "SANDBOX", "PUBLIC_GOVERNANCE");
            run(license, BY_DISTRICT).body("state", equalTo("RELEASED"));
            post("bureau-admin", "/api/v1/licenses/" + license + "/suspend", null).statusCode(200);
            submit(license, BY_DISTRICT).statusCode(403).body("reasons.code", hasItem("license_not_active"));
            post("bureau-admin", "/api/v1/licenses/" + license + "/resume", null).statusCode(200);
            run(license, BY_DISTRICT).body("state", equalTo("RELEASED"));
        }

        @Test
        void everyStep_isAnAuditEvent_carryingTheStatementsHash() {
            var job = run(busLicense, "SELECT card_type, count(*) AS swipes FROM bus_card_swipes GROUP BY card_type")
                    .body("state", equalTo("RELEASED")).extract();
            String id = job.path("id");
            String hash = job.path("sqlSha256");
            given().auth().oauth2(KeycloakTokens.of("developer-a")).get("/api/v1/sandbox/jobs/" + id + "/result")
                    .then().statusCode(200);
            List<Map<String, Object>> events = given().auth().oauth2(KeycloakTokens.of("bureau-admin"))
                    .get("/api/v1/audit/events?resourceId=" + id + "&size=50").then().statusCode(200)
                    .extract().path("items");
            List<String> actions = events.stream().map(event -> (String) event.get("action")).toList();
            assertTrue(actions.containsAll(List.of("job.admit", "job.start", "job.run", "job.released", "job.download")),
                    "audit trail: " + actions);
            assertTrue(events.stream().allMatch(event -> String.valueOf(event.get("detail")).contains(hash)));
            // the run and its release decision are two events of one transaction: the chain still links them in order
            given().auth().oauth2(KeycloakTokens.of("bureau-admin")).get("/api/v1/audit/verify")
                    .then().statusCode(200).body("valid", equalTo(true));
        }
    }

    @Nested
    class Delivery {

        @Test
        void deliveryLicense_streamsTheLicensedColumnsAsArrow_withoutIdentifiers() throws Exception {
            String license = activeLicense(busProduct, List.of("route_id", "card_type", "fare_cents"), "DELIVERY",
                    "PUBLIC_GOVERNANCE");
            assertNotEquals(null, license);
            byte[] arrow = given().auth().oauth2(KeycloakTokens.of("operator-a"))
                    .get("/api/v1/products/" + busProduct + "/delivery?limit=2500")
                    .then().statusCode(200).contentType("application/vnd.apache.arrow.stream").extract().asByteArray();
            SandboxFixtures.ArrowResult result = readArrow(arrow);
            assertEquals(List.of("route_id", "card_type", "fare_cents"), result.columns());
            assertEquals(2500, result.rows().size());
            assertFalse(result.columns().contains("card_id"));
            given().auth().oauth2(KeycloakTokens.of("operator-a"))
                    .get("/api/v1/products/" + busProduct + "/delivery?format=json&limit=5")
                    .then().statusCode(200).body("", hasSize(5)).body("[0].fare_cents", lessThanOrEqualTo(200));
        }

        @Test
        void noDeliveryLicense_isRefused_andImportantDataIsNeverDelivered() {
            given().auth().oauth2(KeycloakTokens.of("operator-b"))
                    .get("/api/v1/products/" + busProduct + "/delivery")
                    .then().statusCode(403).contentType("application/problem+json")
                    .body("reasons[0].code", equalTo("no_delivery_license"));
            given().auth().oauth2(KeycloakTokens.of("operator-a"))
                    .get("/api/v1/products/" + claimsProduct + "/delivery")
                    .then().statusCode(403);
        }
    }
}
