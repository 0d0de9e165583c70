package io.pdx.marketplace.sandbox;

import org.junit.jupiter.api.Tag;
import io.pdx.marketplace.testing.KeycloakTokens;
import io.pdx.marketplace.testing.SandboxRunnerProcess;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.pdx.marketplace.sandbox.SandboxFixtures.BUS_COLUMNS;
import static io.pdx.marketplace.sandbox.SandboxFixtures.CLAIM_COLUMNS;
import static io.pdx.marketplace.sandbox.SandboxFixtures.asReviewer;
import static io.pdx.marketplace.sandbox.SandboxFixtures.exact;
import static io.pdx.marketplace.sandbox.SandboxFixtures.post;
import static io.pdx.marketplace.sandbox.SandboxFixtures.readArrow;
import static io.pdx.marketplace.sandbox.SandboxFixtures.run;
import static io.pdx.marketplace.sandbox.SandboxFixtures.submit;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The channels through which a sandbox could answer a question about one person other than its released
 * values, each tried as an attack against the real stack that would have worked before it was closed.
 */
@Tag("stack") // needs the real stack: ./pdx test starts it; the fast tier leaves it out
@QuarkusTest
@WithTestResource(SandboxRunnerProcess.class)
class SideChannelTest {

    @Inject
    JobQueue queue;

    @Nested
    class BeforeRelease {

        /** Every view of the job its requester can get before release: its state and the ε charged, nothing else. */
        @Test
        void theRequester_seesNothingComputedFromTheData_inAnyStateBeforeRelease() {
            SandboxFixtures.Fresh claims = SandboxFixtures.freshClaims();
            String id = submit(claims.license(), "SELECT gender, count(*) AS claims FROM medical_insurance_claims"
                    + " GROUP BY gender HAVING count(*) >= 1").statusCode(202)
                    .body("result", nullValue()).body("startedAt", nullValue()).extract().path("id");
            Set<String> states = new HashSet<>();
            for (int look = 0; look < 200; look++) {
                ValidatableResponse view = given().auth().oauth2(KeycloakTokens.of("developer-a"))
                        .get("/api/v1/sandbox/jobs/" + id).then().statusCode(200);
                String state = view.extract().path("state");
                states.add(state);
                view.body("result", nullValue()).body("startedAt", nullValue()).body("finishedAt", nullValue())
                        .body("expiresAt", nullValue()).body("failureCause", nullValue())
                        .body("epsilon", equalTo(0.55f));
                if ("AWAITING_RELEASE".equals(state)) {
                    break;
                }
            }
            assertTrue(states.contains("AWAITING_RELEASE"), "states seen: " + states);
            given().auth().oauth2(KeycloakTokens.of("developer-a")).get("/api/v1/sandbox/jobs?state=AWAITING_RELEASE")
                    .then().statusCode(200).body("items.find { it.id == '" + id + "' }.result", nullValue());
            asReviewer(id).body("result.rowCount", equalTo(2)).body("result.suppressedGroups", equalTo(0));
            post("reviewer-2", "/api/v1/sandbox/jobs/" + id + "/reject", Map.of("reason", "测试 / test")).statusCode(200);
            given().auth().oauth2(KeycloakTokens.of("developer-a")).get("/api/v1/sandbox/jobs/" + id).then().statusCode(200)
                    .body("state", equalTo("REJECTED")).body("result", nullValue());
        }
    }

    @Nested
    class ValueDependentFailures {

        /**
         * A cast that fails only on one stop's rows used to make the run fail exactly when that stop had a swipe: a
         * yes/no answer about the data. Now the statement cannot fail on a value: both variants succeed alike.
         */
        @Test
        void aCastThatFailsOnOneRowsValue_doesNotTellWhetherThatRowExists() throws Exception {
            String license = SandboxFixtures.licensed(0).busLicense();
            String existing = exact("SELECT min(stop_id) AS s FROM bus_card_swipes").get(0).get("s").toString();
            for (String stop : List.of(existing, "S99999")) {
                run(license, "SELECT card_type, count(*) AS n FROM bus_card_swipes WHERE CAST(CASE WHEN stop_id = '" + stop
                        + "' THEN 'x' ELSE '1' END AS INTEGER) = 1 GROUP BY card_type")
                        .body("state", equalTo("RELEASED")).body("failure", nullValue());
            }
        }

        @Test
        void overflowAndDivisionByZero_yieldNull_notAFailure() {
            SandboxFixtures.Fresh claims = SandboxFixtures.freshClaims();
            String id = run(claims.license(), "SELECT gender, sum(age * 2147483647 * 2147483647) AS s, count(*) AS n"
                    + " FROM medical_insurance_claims WHERE 1 / (age - 40) > 0 OR age = 40 GROUP BY gender")
                    .body("state", equalTo("AWAITING_RELEASE")).body("failure", nullValue()).extract().path("id");
            asReviewer(id).body("result.rowCount", equalTo(2));
        }
    }

    @Nested
    class ReleasedValueClauses {

        /** HAVING, ORDER BY and LIMIT on noised data act on the released values: the rows kept satisfy them as released. */
        @Test
        void havingOrderAndLimit_holdOnTheReleasedValues() throws Exception {
            SandboxFixtures.Fresh claims = SandboxFixtures.freshClaims();
            String id = run(claims.license(), "SELECT district_code, count(*) AS n FROM medical_insurance_claims"
                    + " GROUP BY district_code HAVING count(*) > 100 ORDER BY n DESC LIMIT 4")
                    .body("state", equalTo("AWAITING_RELEASE")).extract().path("id");
            post("reviewer-1", "/api/v1/sandbox/jobs/" + id + "/release", null).statusCode(200);
            SandboxFixtures.ArrowResult result = readArrow(given().auth().oauth2(KeycloakTokens.of("developer-a"))
                    .get("/api/v1/sandbox/jobs/" + id + "/result").then().statusCode(200).extract().asByteArray());
            assertEquals(4, result.rows().size());
            long previous = Long.MAX_VALUE;
            for (Map<String, Object> row : result.rows()) {
                long n = ((Number) row.get("n")).longValue();
                assertTrue(n > 100 && n <= previous, "released values ordered and filtered: " + result.rows());
                previous = n;
            }
        }
    }

    @Nested
    class RowLevelOutput {

        /** One card's trips at one moment (a filter matching fewer than k cards) release no row. */
        @Test
        void aFilterMatchingFewerThanKEntities_releasesNoRow() throws Exception {
            String license = SandboxFixtures.licensed(0).busLicense();
            Map<String, Object> one = exact("SELECT strftime(swipe_time, '%Y-%m-%d %H:%M:%S') AS t, stop_id FROM bus_card_swipes"
                    + " ORDER BY swipe_time LIMIT 1").get(0);
            String id = run(license, "SELECT route_id, card_type, fare_cents FROM bus_card_swipes WHERE swipe_time = TIMESTAMP '"
                    + one.get("t") + "' AND stop_id = '" + one.get("stop_id") + "'")
                    .body("state", equalTo("RELEASED")).body("result.rowCount", equalTo(0)).extract().path("id");
            asReviewer(id).body("result.rowsSuppressed", equalTo(true));
            run(license, "SELECT route_id, card_type, fare_cents FROM bus_card_swipes WHERE card_type = '学生卡' LIMIT 50")
                    .body("state", equalTo("RELEASED")).body("result.rowCount", equalTo(50));
        }

        @Test
        void anIdentifierAnywhereOrAQuasiIdentifierInTheOutput_isRefused() {
            String license = SandboxFixtures.licensed(0).busLicense();
            submit(license, "SELECT route_id FROM bus_card_swipes WHERE district_code = '350102' AND fare_cents > 0")
                    .statusCode(202);
            submit(license, "SELECT route_id, district_code FROM bus_card_swipes").statusCode(422)
                    .body("reasons[0].code", equalTo("column_use_not_allowed"));
        }
    }

    @Nested
    class ResultFate {

        /** A rejection of a result rejects every job that shares it; a later repeat is rejected too. */
        @Test
        void rejectingAResult_rejectsEveryJobThatSharesIt() {
            SandboxFixtures.Fresh claims = SandboxFixtures.freshClaims();
            String sql = "SELECT gender, count(*) AS claims FROM medical_insurance_claims WHERE age >= 33 GROUP BY gender";
            String first = run(claims.license(), sql).body("state", equalTo("AWAITING_RELEASE")).extract().path("id");
            String repeat = run(claims.license(), sql).body("reusedFrom", equalTo(first))
                    .body("state", equalTo("AWAITING_RELEASE")).extract().path("id");
            post("reviewer-2", "/api/v1/sandbox/jobs/" + repeat + "/reject", Map.of("reason", "重复探测 / probing")).statusCode(200);
            asReviewer(first).body("state", equalTo("REJECTED"));
            run(claims.license(), sql).body("reusedFrom", equalTo(first)).body("state", equalTo("REJECTED"));
            post("reviewer-1", "/api/v1/sandbox/jobs/" + first + "/release", null).statusCode(409);
        }

        @Test
        void releasingAResult_releasesTheSameBytesToEveryJobThatSharesIt() {
            SandboxFixtures.Fresh claims = SandboxFixtures.freshClaims();
            String sql = "SELECT gender, count(*) AS claims FROM medical_insurance_claims WHERE age >= 34 GROUP BY gender";
            String first = run(claims.license(), sql).extract().path("id");
            String repeat = run(claims.license(), sql).body("reusedFrom", equalTo(first)).extract().path("id");
            post("reviewer-1", "/api/v1/sandbox/jobs/" + first + "/release", null).statusCode(200);
            byte[] one = result(first, 200);
            byte[] two = result(repeat, 200);
            assertTrue(java.util.Arrays.equals(one, two) || readRows(one).equals(readRows(two)));
        }

        /** A result whose release is still being decided (SUCCEEDED) cannot be released by hand: only AWAITING_RELEASE. */
        @Test
        void aJobStillDecidingItsRelease_cannotBeReleasedByHand() throws Throwable {
            SandboxFixtures.Fresh claims = SandboxFixtures.freshClaims();
            String id = run(claims.license(), "SELECT gender, count(*) AS c FROM medical_insurance_claims GROUP BY gender")
                    .body("state", equalTo("AWAITING_RELEASE")).extract().path("id");
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession().flatMap(session -> session
                    .createNativeQuery("UPDATE sandbox_job SET state = 'SUCCEEDED' WHERE id = :id")
                    .setParameter("id", UUID.fromString(id)).executeUpdate())));
            post("reviewer-1", "/api/v1/sandbox/jobs/" + id + "/release", null).statusCode(409)
                    .contentType("application/problem+json")
                    .body("detail", org.hamcrest.Matchers.containsString("SUCCEEDED"))
                    .body("detail", org.hamcrest.Matchers.containsString("RELEASE"));
            given().auth().oauth2(KeycloakTokens.of("developer-a")).get("/api/v1/sandbox/jobs/" + id + "/result")
                    .then().statusCode(409);
        }
    }

    @Nested
    class Metering {

        /** An invoice priced by rows would tell the row count of an unreleased result: it is made at release. */
        @Test
        void aResultPricedByRows_isMeteredOnlyOnceReleased() throws InterruptedException {
            var claims = SandboxFixtures.dataset(SandboxFixtures.CLAIMS);
            String product = SandboxFixtures.product(claims, List.of("SANDBOX"), "PER_1000_ROWS", 100);
            String license = SandboxFixtures.activeLicense(product, CLAIM_COLUMNS, "SANDBOX", "INDUSTRY_DEVELOPMENT");
            String id = run(license, "SELECT gender, count(*) AS c FROM medical_insurance_claims GROUP BY gender")
                    .body("state", equalTo("AWAITING_RELEASE")).extract().path("id");
            untilIdle(); // the worker meters a run after its release decision: wait until it is done with this one
            assertEquals(0, invoiceLines(license).size(), "no line priced by the rows of an unreleased result");
            post("reviewer-1", "/api/v1/sandbox/jobs/" + id + "/release", null).statusCode(200);
            List<Map<String, Object>> lines = invoiceLines(license);
            assertEquals(1, lines.size());
            assertEquals("ROWS", lines.get(0).get("unit"));
        }

        /** Until this instance's queue runs nothing: the job seen AWAITING_RELEASE has been decided and metered. */
        private void untilIdle() throws InterruptedException {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (!queue.idle()) {
                assertTrue(System.nanoTime() < deadline, "the job queue still runs a job after 30 s");
                Thread.sleep(10);
            }
        }

        private List<Map<String, Object>> invoiceLines(String license) {
            return given().auth().oauth2(KeycloakTokens.of("operator-a")).get("/api/v1/invoices").then().statusCode(200)
                    .extract().path("items.findAll { it.licenseId == '" + license + "' }");
        }
    }

    @Nested
    class LicenseInForce {

        @Test
        void suspensionBetweenRunAndRelease_stopsTheRelease_andBetweenReleaseAndDownload_stopsTheDownload() {
            SandboxFixtures.Fresh claims = SandboxFixtures.freshClaims();
            String id = run(claims.license(), "SELECT gender, count(*) AS c FROM medical_insurance_claims GROUP BY gender")
                    .body("state", equalTo("AWAITING_RELEASE")).extract().path("id");
            post("bureau-admin", "/api/v1/licenses/" + claims.license() + "/suspend", null).statusCode(200);
            post("reviewer-1", "/api/v1/sandbox/jobs/" + id + "/release", null).statusCode(403)
                    .body("reasons[0].code", equalTo("license_not_active"));
            post("bureau-admin", "/api/v1/licenses/" + claims.license() + "/resume", null).statusCode(200);
            post("reviewer-1", "/api/v1/sandbox/jobs/" + id + "/release", null).statusCode(200);
            result(id, 200);
            post("bureau-admin", "/api/v1/licenses/" + claims.license() + "/suspend", null).statusCode(200);
            given().auth().oauth2(KeycloakTokens.of("developer-a")).get("/api/v1/sandbox/jobs/" + id + "/result")
                    .then().statusCode(403).contentType("application/problem+json").body("reasons[0].code", equalTo("license_not_active"));
            post("bureau-admin", "/api/v1/licenses/" + claims.license() + "/revoke", null).statusCode(200);
            given().auth().oauth2(KeycloakTokens.of("developer-a")).get("/api/v1/sandbox/jobs/" + id + "/result?format=json")
                    .then().statusCode(403);
        }

        @Test
        void anExpiredTerm_stopsAdmissionAndDownload() throws Throwable {
            String license = SandboxFixtures.licensed(0).busLicense();
            String id = run(license, SandboxJobTest.BY_DISTRICT).body("state", equalTo("RELEASED")).extract().path("id");
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession().flatMap(session -> session
                    .createNativeQuery("UPDATE license SET term_start = DATE '2024-01-01', term_end = DATE '2025-12-31' WHERE id = :id")
                    .setParameter("id", UUID.fromString(license)).executeUpdate())));
            given().auth().oauth2(KeycloakTokens.of("developer-a")).get("/api/v1/sandbox/jobs/" + id + "/result")
                    .then().statusCode(403).body("reasons[0].code", equalTo("license_not_active"));
            submit(license, SandboxJobTest.BY_DISTRICT).statusCode(403).body("reasons.code", hasItem("license_expired"));
        }

        @Test
        void aTermThatHasNotStarted_runsNothing() {
            SandboxFixtures.Licensed licensed = SandboxFixtures.licensed(0);
            Map<String, Object> application = new HashMap<>();
            application.put("productId", licensed.busProduct());
            application.put("purposeCategory", "PUBLIC_GOVERNANCE");
            application.put("purposeText", "未来的授权 / a future term");
            application.put("columns", BUS_COLUMNS);
            application.put("mode", "SANDBOX");
            application.put("termStart", java.time.LocalDate.now().plusMonths(2).toString());
            application.put("termEnd", java.time.LocalDate.now().plusMonths(14).toString());
            String future = post("operator-a", "/api/v1/licenses", application).statusCode(201).extract().path("id");
            post("operator-a", "/api/v1/licenses/" + future + "/accept", null).statusCode(200);
            submit(future, SandboxJobTest.BY_DISTRICT).statusCode(403).body("reasons.code", hasItem("license_not_started"));
            assertTrue(CLAIM_COLUMNS.contains("age"));
        }
    }

    private static byte[] result(String id, int status) {
        return given().auth().oauth2(KeycloakTokens.of("developer-a")).get("/api/v1/sandbox/jobs/" + id + "/result")
                .then().statusCode(status).extract().asByteArray();
    }

    private static List<Map<String, Object>> readRows(byte[] arrow) {
        try {
            return readArrow(arrow).rows();
        } catch (java.io.IOException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

}
