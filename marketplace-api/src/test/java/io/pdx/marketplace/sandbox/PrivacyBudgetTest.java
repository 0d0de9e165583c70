package io.pdx.marketplace.sandbox;

import org.junit.jupiter.api.Tag;
import io.pdx.marketplace.testing.KeycloakTokens;
import io.pdx.marketplace.testing.SandboxRunnerProcess;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.pdx.marketplace.sandbox.SandboxFixtures.CLAIM_COLUMNS;
import static io.pdx.marketplace.sandbox.SandboxFixtures.activeLicense;
import static io.pdx.marketplace.sandbox.SandboxFixtures.asReviewer;
import static io.pdx.marketplace.sandbox.SandboxFixtures.exact;
import static io.pdx.marketplace.sandbox.SandboxFixtures.post;
import static io.pdx.marketplace.sandbox.SandboxFixtures.readArrow;
import static io.pdx.marketplace.sandbox.SandboxFixtures.run;
import static io.pdx.marketplace.sandbox.SandboxFixtures.submit;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Differential privacy of IMPORTANT data end to end, against the real runner, OPA, Keycloak and PostgreSQL:
 * the ε floor, one budget per organization and dataset whatever the license, results on their grid, and the
 * group threshold that a group under k does not pass.
 */
@Tag("stack") // needs the real stack: ./pdx test starts it; the fast tier leaves it out
@QuarkusTest
@WithTestResource(SandboxRunnerProcess.class)
class PrivacyBudgetTest {

    private static final String BY_GENDER = "SELECT gender, count(*) AS claims FROM medical_insurance_claims GROUP BY gender";

    @Test
    void epsilonOutsideThePolicysRange_isA422NamingTheRange() {
        SandboxFixtures.Fresh claims = SandboxFixtures.freshClaims();
        for (double epsilon : new double[] {0.05, 1e-300, 0, -1, 1.5, 1e6}) {
            submit(claims.license(), BY_GENDER, epsilon).statusCode(422).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("epsilon"))
                    .body("errors[0].message", containsString("[0.1, 1]"));
        }
        given().auth().oauth2(KeycloakTokens.of("developer-a")).get("/api/v1/sandbox/jobs?state=ADMITTED").then().statusCode(200);
    }

    @Test
    void twoLicensesOfOneOrganization_shareOneBudgetOnTheDataset() {
        SandboxFixtures.Fresh claims = SandboxFixtures.freshClaims();
        String second = activeLicense(claims.product(), CLAIM_COLUMNS, "SANDBOX", "PUBLIC_WELFARE");
        String last = null;
        for (int age = 0; age < 10; age++) {
            last = run(age % 2 == 0 ? claims.license() : second, "SELECT gender, count(*) AS claims FROM medical_insurance_claims"
                    + " WHERE age >= " + age + " GROUP BY gender", 1.0).body("epsilon", equalTo(1)).extract().path("id");
        }
        given().auth().oauth2(KeycloakTokens.of("developer-a")).get("/api/v1/sandbox/jobs/" + last).then().statusCode(200)
                .body("budget.epsilonSpent", equalTo(10)).body("budget.epsilonLeft", equalTo(0));
        for (String license : List.of(claims.license(), second)) {
            submit(license, "SELECT gender, count(*) AS claims FROM medical_insurance_claims WHERE age >= 50 GROUP BY gender", 0.1)
                    .statusCode(403).body("reasons.code", hasItem("epsilon_budget_exhausted"));
        }
        // a third license adds nothing either
        String third = activeLicense(claims.product(), CLAIM_COLUMNS, "SANDBOX", "PUBLIC_WELFARE");
        submit(third, "SELECT gender, count(*) AS claims FROM medical_insurance_claims WHERE age >= 51 GROUP BY gender", 0.1)
                .statusCode(403).body("reasons.code", hasItem("epsilon_budget_exhausted"));
    }

    @Test
    void aReleasedSumOrAverage_hasNoDigitsBelowItsGranularity() throws Exception {
        SandboxFixtures.Fresh claims = SandboxFixtures.freshClaims();
        String id = run(claims.license(), "SELECT district_code, sum(total_amount) AS total, avg(total_amount) AS mean,"
                + " count(DISTINCT person_id) AS persons FROM medical_insurance_claims GROUP BY district_code")
                .body("state", equalTo("AWAITING_RELEASE")).extract().path("id");
        post("reviewer-1", "/api/v1/sandbox/jobs/" + id + "/release", null).statusCode(200);
        byte[] arrow = given().auth().oauth2(KeycloakTokens.of("developer-a")).get("/api/v1/sandbox/jobs/" + id + "/result")
                .then().statusCode(200).extract().asByteArray();
        SandboxFixtures.ArrowResult result = readArrow(arrow);
        assertEquals(6, result.rows().size());
        for (Map<String, Object> row : result.rows()) {
            for (String column : List.of("total", "mean")) {
                BigDecimal value = (BigDecimal) row.get(column);
                assertEquals(0, value.remainder(new BigDecimal("0.01")).signum(), column + " " + value);
                assertTrue(value.scale() <= 2, column + " " + value);
            }
            BigDecimal mean = (BigDecimal) row.get("mean");
            assertTrue(mean.compareTo(BigDecimal.ZERO) >= 0 && mean.compareTo(new BigDecimal("6000")) <= 0, "within the bounds");
        }
        Map<String, Object> exactRow = exact("SELECT avg(total_amount) AS mean FROM medical_insurance_claims").get(0);
        double exactMean = ((Number) exactRow.get("mean")).doubleValue();
        double released = result.rows().stream().mapToDouble(row -> ((BigDecimal) row.get("mean")).doubleValue()).average().orElseThrow();
        assertTrue(Math.abs(released - exactMean) / exactMean < 0.05, released + " vs " + exactMean);
    }

    /**
     * A group of k − 10 persons, asked 200 times at ε max under 20 datasets' budgets, is never released: the
     * threshold lets a group under k through with probability at most δ = 10⁻⁷ per query.
     */
    @Test
    void aGroupOfKMinusTenEntities_isNeverReleased_over200QueriesAtEpsilonMax() throws SQLException {
        String filter = filterMatchingPersons(40);
        int queries = 0;
        for (int dataset = 0; dataset < 20; dataset++) {
            SandboxFixtures.Fresh claims = SandboxFixtures.freshClaims();
            List<String> ids = new ArrayList<>();
            for (int query = 0; query < 10; query++) {
                ids.add(submit(claims.license(), "SELECT count(*) AS n" + query + " FROM medical_insurance_claims WHERE " + filter, 1.0)
                        .statusCode(202).extract().path("id"));
            }
            for (String id : ids) {
                SandboxFixtures.awaitJob(id).body("state", equalTo("AWAITING_RELEASE"));
                asReviewer(id).body("result.rowCount", equalTo(0)).body("result.suppressedGroups", equalTo(1));
                queries++;
            }
        }
        assertEquals(200, queries);
    }

    /** A filter on district, gender and an age range that matches exactly (or just under) {@code persons} persons. */
    private static String filterMatchingPersons(int persons) throws SQLException {
        List<Map<String, Object>> cells = exact("SELECT district_code, gender, age, count(DISTINCT person_id) AS persons"
                + " FROM medical_insurance_claims GROUP BY ALL ORDER BY district_code, gender, age");
        String best = null;
        long bestCount = -1;
        for (int start = 0; start < cells.size(); start++) {
            long sum = 0;
            for (int end = start; end < cells.size(); end++) {
                Map<String, Object> first = cells.get(start);
                Map<String, Object> last = cells.get(end);
                if (!first.get("district_code").equals(last.get("district_code")) || !first.get("gender").equals(last.get("gender"))) {
                    break;
                }
                sum += ((Number) last.get("persons")).longValue();
                if (sum > persons) {
                    break;
                }
                if (sum > bestCount) {
                    bestCount = sum;
                    best = "district_code = '" + first.get("district_code") + "' AND gender = '" + first.get("gender")
                            + "' AND age BETWEEN " + first.get("age") + " AND " + last.get("age");
                }
            }
        }
        assertTrue(bestCount >= persons - 2 && bestCount <= persons, "a group of about " + persons + " persons: " + bestCount);
        return best;
    }
}
