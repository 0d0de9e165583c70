package io.pdx.marketplace.sandbox;

import io.pdx.marketplace.testing.KeycloakTokens;
import io.pdx.marketplace.testing.SandboxRunnerProcess;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.pdx.marketplace.sandbox.SandboxFixtures.BUS;
import static io.pdx.marketplace.sandbox.SandboxFixtures.BUS_COLUMNS;
import static io.pdx.marketplace.sandbox.SandboxFixtures.activeLicense;
import static io.pdx.marketplace.sandbox.SandboxFixtures.asReviewer;
import static io.pdx.marketplace.sandbox.SandboxFixtures.dataset;
import static io.pdx.marketplace.sandbox.SandboxFixtures.exact;
import static io.pdx.marketplace.sandbox.SandboxFixtures.product;
import static io.pdx.marketplace.sandbox.SandboxFixtures.readArrow;
import static io.pdx.marketplace.sandbox.SandboxFixtures.run;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The differencing attack on exact (GENERAL) results, end to end against the real runner: two counts whose
 * populations differ by one card (n − (n − 1) is that card's swipes) no longer isolate it — the group that differs by
 * fewer than k entities from one the organization already received is withheld, and the bureau sees it counted —
 * while the same question asked again, and questions over populations that differ by k or more, are answered in full.
 * A dataset of the test's own (its own lineage), so what other tests received does not count.
 */
@Tag("stack") // needs the real stack: ./pdx test starts it; the fast tier leaves it out
@QuarkusTest
@WithTestResource(SandboxRunnerProcess.class)
class DifferencingDefenceTest {

    static final String BY_DISTRICT = "SELECT district_code, count(*) AS swipes FROM bus_card_swipes";
    static final String GROUPED = " GROUP BY district_code ORDER BY district_code";

    @Test
    void twoCountsOneCardApart_doNotIsolateIt_whileRepeatedAndBroadQuestionsAreAnswered() throws Exception {
        String license = activeLicense(product(dataset(BUS), List.of("SANDBOX"), "FREE", 0), BUS_COLUMNS, "SANDBOX",
                "PUBLIC_GOVERNANCE");
        // a swipe that is its card's only one in its district, and the only swipe at that stop at that second
        Map<String, Object> lone = exact("SELECT s.district_code, strftime(s.swipe_time, '%Y-%m-%d %H:%M:%S') AS at, s.stop_id"
                + " FROM bus_card_swipes s JOIN (SELECT card_id, district_code FROM bus_card_swipes GROUP BY 1, 2"
                + " HAVING count(*) = 1) one USING (card_id, district_code)"
                + " WHERE (SELECT count(*) FROM bus_card_swipes t WHERE t.swipe_time = s.swipe_time AND t.stop_id = s.stop_id) = 1"
                + " ORDER BY s.card_id LIMIT 1").get(0);
        String district = String.valueOf(lone.get("district_code"));
        String at = "CAST('" + lone.get("at") + "' AS TIMESTAMP)";
        String stop = "'" + lone.get("stop_id") + "'";
        String withoutIt = " WHERE swipe_time < " + at + " OR swipe_time > " + at + " OR stop_id < " + stop + " OR stop_id > " + stop;

        Map<String, Long> all = released(license, BY_DISTRICT + GROUPED);
        assertEquals(exact(BY_DISTRICT + GROUPED).size(), all.size(), "the first question is answered in full");

        String attack = runReleased(license, BY_DISTRICT + withoutIt + GROUPED);
        Map<String, Long> oneCardLess = rows(attack);
        assertFalse(oneCardLess.containsKey(district), "the district one card apart is withheld: " + oneCardLess);
        assertEquals(all.size() - 1, oneCardLess.size(), "the other districts are the same populations, answered");
        for (Map.Entry<String, Long> row : oneCardLess.entrySet()) {
            assertEquals(all.get(row.getKey()), row.getValue(), "unchanged district " + row.getKey());
        }
        asReviewer(attack).body("result.suppressedGroups", equalTo(1)) // the bureau sees what the check withheld
                .body("result.differencingSuppressed", equalTo(1));
        given().auth().oauth2(KeycloakTokens.of("developer-a")).get("/api/v1/sandbox/jobs/" + attack).then().statusCode(200)
                .body("result.differencingSuppressed", org.hamcrest.Matchers.nullValue()); // the requester never

        // the same question again: the same populations, answered in full
        assertEquals(all, released(license, BY_DISTRICT + GROUPED));
        // a question over populations thousands of cards apart: answered in full (no over-suppression)
        Map<String, Long> dearer = released(license, BY_DISTRICT + " WHERE fare_cents >= 200" + GROUPED);
        assertEquals(all.size(), dearer.size(), "populations that differ by k or more are not withheld: " + dearer);
        assertTrue(dearer.values().stream().allMatch(n -> n > 0));
    }

    private static Map<String, Long> released(String license, String sql) throws Exception {
        return rows(runReleased(license, sql));
    }

    private static String runReleased(String license, String sql) {
        return run(license, sql).body("state", equalTo("RELEASED")).extract().path("id");
    }

    private static Map<String, Long> rows(String job) throws Exception {
        byte[] arrow = given().auth().oauth2(KeycloakTokens.of("developer-a")).get("/api/v1/sandbox/jobs/" + job + "/result")
                .then().statusCode(200).extract().asByteArray();
        Map<String, Long> rows = new HashMap<>();
        for (Map<String, Object> row : readArrow(arrow).rows()) {
            rows.put(String.valueOf(row.get("district_code")), ((Number) row.get("swipes")).longValue());
        }
        return rows;
    }
}
