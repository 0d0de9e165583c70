package io.pdx.marketplace.sandbox;

import io.pdx.contracts.Grade;
import io.pdx.contracts.catalog.RegistrationStatus;
import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.testing.KeycloakTokens;
import io.pdx.marketplace.testing.TestDatasets;
import io.pdx.marketplace.testing.TestOrganizations;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The ε budget belongs to a dataset, not to one version of it: a new version over the same entities (same lineage)
 * shares its budget, and the budget's year runs from 1 January 00:00 to the next in the bureau's time zone (a job
 * counts in the period of its admission). Spending is written as the jobs the admission would have inserted, so that
 * no sandbox-runner is needed.
 */
@Tag("stack") // needs the real stack: ./pdx test starts it; the fast tier leaves it out
@QuarkusTest
class BudgetLineageTest {

    static final String ORG_A = "91350100M000100Y43";
    static final ZoneId BUREAU = ZoneId.of("Asia/Shanghai");

    @Test
    void aNewVersionOfADataset_sharesTheBudgetOfItsFirstVersion() throws Throwable {
        Dataset first = claims(null);
        Dataset second = claims(first);
        String firstLicense = activeLicense(product(first));
        String secondLicense = activeLicense(product(second));

        spend(firstLicense, first, 4_000_000, OffsetDateTime.now(BUREAU));
        spend(secondLicense, second, 3_000_000, OffsetDateTime.now(BUREAU));

        for (String license : List.of(firstLicense, secondLicense)) {
            ValidatableResponse budget = workspace(license);
            assertEquals(7.0, number(budget, "privacy.budget.epsilonSpent"), license);
            assertEquals(3.0, number(budget, "privacy.budget.epsilonLeft"), license);
        }
        // a dataset of another lineage keeps its own budget
        String other = activeLicense(product(claims(null)));
        assertEquals(0.0, number(workspace(other), "privacy.budget.epsilonSpent"));
    }

    @Test
    void theBudgetYear_runsFromNewYearsMidnightInTheBureausTimeZone() throws Throwable {
        Dataset first = claims(null);
        Dataset second = claims(first);
        String license = activeLicense(product(first));
        String secondLicense = activeLicense(product(second));
        ValidatableResponse before = workspace(license);
        OffsetDateTime start = OffsetDateTime.parse(before.extract().<String>path("privacy.budget.periodStart"));
        OffsetDateTime end = OffsetDateTime.parse(before.extract().<String>path("privacy.budget.periodEnd"));
        int year = LocalDate.now(BUREAU).getYear();
        assertEquals(LocalDate.of(year, 1, 1).atStartOfDay(BUREAU).toInstant(), start.toInstant());
        assertEquals(LocalDate.of(year + 1, 1, 1).atStartOfDay(BUREAU).toInstant(), end.toInstant());

        // last year's last instant (16:00 UTC on 31 December) is last year's; the first instant of this year is this year's
        spend(license, first, 9_000_000, start.minusNanos(1000));
        spend(secondLicense, second, 2_000_000, start);
        spend(license, first, 5_000_000, end); // admitted next year: next year's budget
        for (String each : List.of(license, secondLicense)) {
            assertEquals(2.0, number(workspace(each), "privacy.budget.epsilonSpent"), each);
        }
    }

    private static double number(ValidatableResponse response, String path) {
        return ((Number) response.extract().path(path)).doubleValue();
    }

    private static ValidatableResponse workspace(String license) {
        return given().auth().oauth2(KeycloakTokens.of("operator-a")).get("/api/v1/licenses/" + license + "/workspace")
                .then().statusCode(200);
    }

    /** A version of an IMPORTANT dataset: the first of its own lineage, or the next version of {@code previous}. */
    private static Dataset claims(Dataset previous) {
        TestOrganizations.verified(ORG_A, "闽数科技有限公司");
        return TestDatasets.persist("预算测试", Grade.IMPORTANT, "dept-market", RegistrationStatus.REGISTERED, dataset -> {
            dataset.dataFile = "medical_insurance_claims.parquet";
            dataset.entityColumn = "person_id";
            if (previous != null) {
                dataset.lineageId = previous.lineageId;
                dataset.datasetVersion = previous.datasetVersion + 1;
            }
        });
    }

    private static String product(Dataset dataset) {
        Map<String, Object> body = new HashMap<>();
        body.put("datasetId", dataset.id.toString());
        body.put("modes", List.of("SANDBOX"));
        body.put("priceRule", Map.of("kind", "FREE", "unitPriceFen", 0));
        body.put("scenarios", List.of("测试 / test"));
        body.put("qualityNotes", "合成数据 / synthetic");
        body.put("holderConsent", Map.of("document", "数源单位同意函（测试） / the department's consent letter (test)"));
        return post("bureau-admin", "/api/v1/products", body).statusCode(201).extract().path("id");
    }

    private static String activeLicense(String product) {
        Map<String, Object> application = new HashMap<>();
        application.put("productId", product);
        application.put("purposeCategory", "PUBLIC_WELFARE");
        application.put("purposeText", "预算测试 / budget test");
        application.put("columns", List.of("person_id", "amount"));
        application.put("mode", "SANDBOX");
        application.put("termStart", LocalDate.now(BUREAU).toString());
        application.put("termEnd", LocalDate.now(BUREAU).plusMonths(6).toString());
        var created = post("operator-a", "/api/v1/licenses", application).statusCode(201).extract();
        String id = created.path("id");
        int required = created.path("reviewersRequired");
        for (int reviewer = 1; reviewer <= required; reviewer++) {
            post("reviewer-" + reviewer, "/api/v1/licenses/" + id + "/approve", null).statusCode(200);
        }
        post("operator-a", "/api/v1/licenses/" + id + "/accept", null).statusCode(200).body("state", equalTo("ACTIVE"));
        return id;
    }

    /** A job the admission charged {@code epsilonMicros} at {@code admitted} (it failed after reading: the charge stays). */
    private static void spend(String license, Dataset dataset, long epsilonMicros, OffsetDateTime admitted) throws Throwable {
        String controls = controls();
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession().flatMap(session -> session
                .createNativeQuery("INSERT INTO sandbox_job (id, license_id, dataset_id, organization, submitted_by, submitted_sql,"
                        + " sql_text, sql_sha256, grade, state, controls, created_at, updated_at, epsilon_micros, delta_picos,"
                        + " failure_cause) VALUES (:id, :license, :dataset, :organization, 'developer-a', 'SELECT 1', 'SELECT 1',"
                        + " repeat('a', 64), 'IMPORTANT', 'FAILED', cast(:controls as jsonb), :admitted, :admitted, :epsilon, 0,"
                        + " 'run_failed')")
                .setParameter("id", UUID.randomUUID())
                .setParameter("license", UUID.fromString(license))
                .setParameter("dataset", dataset.id)
                .setParameter("organization", ORG_A)
                .setParameter("controls", new io.vertx.core.json.JsonObject(controls)) // a String would be stored as a JSON string
                .setParameter("admitted", admitted)
                .setParameter("epsilon", epsilonMicros)
                .executeUpdate())));
    }

    /** The output controls OPA gives a job on IMPORTANT data (what an admitted job keeps). */
    private static String controls() throws Exception {
        java.net.URI opa = java.net.URI.create(ConfigProvider.getConfig().getValue("quarkus.rest-client.opa.url", String.class));
        Map<String, Object> input = Map.of("input", Map.of("job", Map.of("datasets", List.of(Map.of("dataset_id", "x",
                "grade", "IMPORTANT", "columns", List.of())))));
        Map<String, Object> controls = RestAssured.given().baseUri("http://" + opa.getHost()).port(opa.getPort())
                .contentType(ContentType.JSON).body(input)
                .post("/v1/data/pdx/sandbox/controls").then().statusCode(200).extract().jsonPath().getMap("result");
        return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(controls);
    }

    private static ValidatableResponse post(String user, String path, Object body) {
        var request = given().auth().oauth2(KeycloakTokens.of(user)).contentType(ContentType.JSON);
        return (body == null ? request : request.body(body)).post(path).then();
    }
}
