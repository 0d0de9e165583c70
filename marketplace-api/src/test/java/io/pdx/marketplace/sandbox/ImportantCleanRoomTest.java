package io.pdx.marketplace.sandbox;

import io.pdx.marketplace.testing.KeycloakTokens;
import io.pdx.marketplace.testing.SandboxRunnerProcess;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.pdx.marketplace.sandbox.SandboxFixtures.awaitJob;
import static io.pdx.marketplace.sandbox.SandboxFixtures.exact;
import static io.pdx.marketplace.sandbox.SandboxFixtures.freshClaims;
import static io.pdx.marketplace.sandbox.SandboxFixtures.post;
import static io.pdx.marketplace.sandbox.SandboxFixtures.readArrow;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A clean room over IMPORTANT data (issue 22), against the real runner, OPA, Keycloak and PostgreSQL: an insurer
 * uploads its list of partner hospitals, joins it with the medical settlements it is licensed for on the declared key
 * {@code medical_facility}, and receives, after a bureau reviewer's release, differentially private counts per tier of
 * its own list: the privacy unit is the insured person, whatever the join brings in.
 */
@Tag("stack")
@QuarkusTest
@WithTestResource(SandboxRunnerProcess.class)
class ImportantCleanRoomTest {

    private static final String[] TIERS = {"一级", "二级", "三级"};

    private static String partnerHospitals() {
        StringBuilder csv = new StringBuilder("hospital_code,tier\n");
        for (int hospital = 0; hospital < 80; hospital++) {
            csv.append(String.format("H%04d,%s%n", hospital, TIERS[hospital % 3]));
        }
        return csv.toString();
    }

    private static String confirmedPartners(String alias) {
        String id = given().auth().oauth2(KeycloakTokens.of("developer-a")).contentType("text/csv")
                .body(partnerHospitals().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/tables?alias=" + alias + "&format=csv").then().statusCode(201).extract().path("id");
        post("developer-a", "/api/v1/tables/" + id + "/confirm", Map.of("columns", List.of(
                Map.of("name", "hospital_code", "tag", "ATTRIBUTE", "joinKey", "medical_facility"),
                Map.of("name", "tier", "tag", "ATTRIBUTE")))).statusCode(200).body("state", equalTo("CONFIRMED"));
        return id;
    }

    private static ValidatableResponse submit(String license, String table, String sql) {
        Map<String, Object> body = new HashMap<>();
        body.put("licenseId", license);
        body.put("sql", sql);
        body.put("tableIds", List.of(table));
        body.put("epsilon", 1.0);
        return post("developer-a", "/api/v1/sandbox/jobs", body);
    }

    @Test
    void ownHospitalsJoinedWithSettlements_releaseNoisedCountsPerTier_afterReview() throws Exception {
        String license = freshClaims().license();
        String alias = "partners_" + UUID.randomUUID().toString().substring(0, 8);
        String table = confirmedPartners(alias);
        String sql = "SELECT p.tier, count(*) AS claims, count(DISTINCT c.person_id) AS persons FROM medical_insurance_claims c"
                + " JOIN " + alias + " p ON c.hospital_code = p.hospital_code GROUP BY p.tier ORDER BY p.tier";

        String job = submit(license, table, sql).statusCode(202).extract().path("id");
        awaitJob(job).body("state", equalTo("AWAITING_RELEASE")).body("grade", equalTo("IMPORTANT"))
                .body("epsilon", equalTo(1)).body("result", nullValue());
        given().auth().oauth2(KeycloakTokens.of("reviewer-1")).get("/api/v1/sandbox/jobs/" + job).then().statusCode(200)
                .body("result.noise", equalTo("DISCRETE_LAPLACE")).body("result.rowCount", equalTo(3));
        post("reviewer-1", "/api/v1/sandbox/jobs/" + job + "/release", null).statusCode(200).body("state", equalTo("RELEASED"));

        SandboxFixtures.ArrowResult result = readArrow(given().auth().oauth2(KeycloakTokens.of("developer-a"))
                .get("/api/v1/sandbox/jobs/" + job + "/result").then().statusCode(200).extract().asByteArray());
        assertEquals(List.of("tier", "claims", "persons"), result.columns());
        assertEquals("DISCRETE_LAPLACE", result.metadata().get("pdx.noise"));
        assertEquals("10", result.metadata().get("pdx.max_rows_per_entity"));
        assertEquals(3, result.rows().size(), "three tiers, each with hundreds of insured persons");

        // the truth per tier (tier = hospital number mod 3), computed here from the files: persons are counted exactly
        // under the bounds (each person is in at most 3 tiers, G = 3), so only noise of scale G·3/ε = 9 separates them
        Map<String, Long> truePersons = new HashMap<>();
        for (Map<String, Object> row : exact("SELECT CAST(substr(hospital_code, 2) AS INTEGER) % 3 AS t,"
                + " count(DISTINCT person_id) AS p FROM medical_insurance_claims GROUP BY t")) {
            truePersons.put(TIERS[((Number) row.get("t")).intValue()], ((Number) row.get("p")).longValue());
        }
        for (Map<String, Object> row : result.rows()) {
            long persons = ((Number) row.get("persons")).longValue();
            long truth = truePersons.get(String.valueOf(row.get("tier")));
            assertTrue(Math.abs(persons - truth) < 200, "noised persons " + persons + " vs " + truth + " in " + row.get("tier"));
        }
    }

    @Test
    void aJoinOnAColumnThatIsNoDeclaredKey_isRefusedBeforeAnythingRuns() {
        String license = freshClaims().license();
        String alias = "partners_" + UUID.randomUUID().toString().substring(0, 8);
        String table = confirmedPartners(alias);
        submit(license, table, "SELECT count(*) AS n FROM medical_insurance_claims c JOIN " + alias
                + " p ON c.district_code = p.tier").statusCode(422).contentType("application/problem+json").body("reasons.code", hasItems("join_key_not_declared"));
    }
}
