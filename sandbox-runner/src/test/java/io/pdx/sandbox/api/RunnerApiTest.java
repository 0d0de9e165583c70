package io.pdx.sandbox.api;

import org.junit.jupiter.api.Tag;
import io.pdx.contracts.ColumnTag;
import io.pdx.contracts.Grade;
import io.pdx.contracts.catalog.ColumnSpec;
import io.pdx.contracts.runner.AnalysisRequest;
import io.pdx.contracts.runner.DeliveryRequest;
import io.pdx.contracts.runner.RunRequest;
import io.pdx.contracts.runner.SandboxDataset;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runner's internal API over the tiny demo data: only callers with the shared secret, results as Arrow. */
@Tag("stack") // needs the real stack: ./pdx test starts it; the fast tier leaves it out
@QuarkusTest
class RunnerApiTest {

    static final String SECRET = "test-sandbox-secret-0123456789";
    static final SandboxDataset BUS = new SandboxDataset("bus_card_swipes", Grade.GENERAL, "card_id", List.of(
            new ColumnSpec("card_id", "VARCHAR", ColumnTag.IDENTIFIER, "card"),
            new ColumnSpec("district_code", "VARCHAR", ColumnTag.QUASI_IDENTIFIER, "district"),
            new ColumnSpec("route_id", "VARCHAR", ColumnTag.ATTRIBUTE, "route"),
            new ColumnSpec("fare_cents", "INTEGER", ColumnTag.METRIC, "fare")));
    static final String BY_DISTRICT = "SELECT district_code, count(*) AS swipes FROM bus_card_swipes GROUP BY district_code";

    private static RequestSpecification marketplace() {
        return given().header("Authorization", "Bearer " + SECRET).contentType(ContentType.JSON);
    }

    private static AnalysisRequest analysis(String sql) {
        return new AnalysisRequest(sql, List.of(BUS));
    }

    @Test
    void callersWithoutTheSharedSecret_getA401() {
        given().contentType(ContentType.JSON).body(analysis(BY_DISTRICT)).post("/internal/v1/analysis")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer not-the-secret-at-all").contentType(ContentType.JSON)
                .body(analysis(BY_DISTRICT)).post("/internal/v1/analysis").then().statusCode(401);
        given().header("Authorization", "Bearer " + SECRET + "x").get("/internal/v1/jobs/" + UUID.randomUUID() + "/result")
                .then().statusCode(401);
        marketplace().body(analysis(BY_DISTRICT)).post("/internal/v1/analysis").then().statusCode(200);
    }

    @Test
    void duringARotation_thePreviousSecretIsAcceptedToo_andNothingElse() {
        given().header("Authorization", "Bearer test-previous-secret-0123456789")
                .get("/internal/v1/jobs/" + UUID.randomUUID() + "/summary").then().statusCode(org.hamcrest.Matchers.not(401));
        given().header("Authorization", "Bearer test-previous-secret-012345678")
                .get("/internal/v1/jobs/" + UUID.randomUUID() + "/summary").then().statusCode(401);
    }

    @Test
    void health_saysUpOrDown_andNothingAboutWhereTheDataLivesOrWhichEngineRunsIt() {
        String health = given().get("/q/health").then().statusCode(org.hamcrest.Matchers.anyOf(
                org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(503))).extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(health.contains("\"data\""), health);
        org.junit.jupiter.api.Assertions.assertFalse(health.contains("/"), "no path: " + health);
        org.junit.jupiter.api.Assertions.assertFalse(health.matches("(?s).*v?1\\.[0-9]+\\.[0-9].*"), "no version: " + health);
    }

    @Test
    void analysis_namesTheColumnsRead_andTheRegeneratedStatement() {
        marketplace().body(analysis("select district_code, count(*) as swipes from bus_card_swipes -- a comment\n group by district_code"))
                .post("/internal/v1/analysis").then().statusCode(200)
                .body("columnsByAlias.bus_card_swipes", equalTo(List.of("district_code")))
                .body("aggregate", equalTo(true))
                .body("sqlSha256", matchesPattern("[0-9a-f]{64}"))
                .body("sql", not(containsString("comment")))
                .body("output.name", equalTo(List.of("district_code", "swipes")));
    }

    @Test
    void aRefusedStatement_isA422NamingItsReason_withoutEchoingIt() {
        marketplace().body(analysis("SELECT * FROM read_csv('/etc/passwd')")).post("/internal/v1/analysis")
                .then().statusCode(422).contentType("application/problem+json")
                .body("reasons[0].code", matchesPattern("[a-z_]+"))
                .body(not(containsString("/etc/passwd")));
    }

    @Test
    void run_storesAnArrowResult_withTheControlsInItsSchemaMetadata() throws Exception {
        UUID job = UUID.randomUUID();
        marketplace().body(new RunRequest(job, BY_DISTRICT, List.of(BUS), 0, 0, "org-" + UUID.randomUUID(), "2026"))
                .post("/internal/v1/jobs/" + job + "/run").then().statusCode(200)
                .body("sqlSha256", matchesPattern("[0-9a-f]{64}"))
                .body("k", equalTo(10))
                .body("columns.name", equalTo(List.of("district_code", "swipes")));
        byte[] arrow = marketplace().get("/internal/v1/jobs/" + job + "/result").then().statusCode(200)
                .contentType("application/vnd.apache.arrow.stream").extract().asByteArray();
        try (RootAllocator allocator = new RootAllocator();
             ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(arrow), allocator)) {
            VectorSchemaRoot batch = reader.getVectorSchemaRoot();
            assertEquals(List.of("district_code", "swipes"), batch.getSchema().getFields().stream().map(f -> f.getName()).toList());
            assertEquals("10", batch.getSchema().getCustomMetadata().get("pdx.k"));
            assertEquals(job.toString(), batch.getSchema().getCustomMetadata().get("pdx.job_id"));
            long rows = 0;
            while (reader.loadNextBatch()) {
                rows += batch.getRowCount();
            }
            assertTrue(rows > 0 && rows <= 6);
        }
        marketplace().get("/internal/v1/jobs/" + job + "/preview").then().statusCode(200)
                .body("columns.name", hasItem("swipes")).body("metadata.'pdx.grade'", equalTo("GENERAL"));
        marketplace().delete("/internal/v1/jobs/" + job).then().statusCode(204);
        marketplace().get("/internal/v1/jobs/" + job + "/result").then().statusCode(404)
                .body("reasons[0].code", equalTo("result_not_found"));
    }

    @Test
    void coreData_isNeverRun() {
        UUID job = UUID.randomUUID();
        SandboxDataset core = new SandboxDataset(BUS.alias(), Grade.CORE, "card_id", BUS.columns());
        marketplace().body(new RunRequest(job, BY_DISTRICT, List.of(core), 0, 0, "org-" + UUID.randomUUID(), "2026"))
                .post("/internal/v1/jobs/" + job + "/run").then().statusCode(403)
                .body("reasons[0].code", equalTo("core_never_processed"));
    }

    @Test
    void theManifestsGrade_winsOverALowerOneFromTheCaller() {
        SandboxDataset claimedGeneral = new SandboxDataset("medical_insurance_claims", Grade.GENERAL, "person_id", List.of(
                new ColumnSpec("age", "INTEGER", ColumnTag.QUASI_IDENTIFIER, "age"),
                new ColumnSpec("total_amount", "DOUBLE", ColumnTag.METRIC, "amount")));
        marketplace().body(new AnalysisRequest("SELECT age, total_amount FROM medical_insurance_claims", List.of(claimedGeneral)))
                .post("/internal/v1/analysis").then().statusCode(422)
                .body("reasons[0].code", equalTo("row_level_output_not_allowed"));
        UUID job = UUID.randomUUID();
        marketplace().body(new RunRequest(job, "SELECT count(*) AS n FROM medical_insurance_claims", List.of(claimedGeneral), 0, 0, "org-" + UUID.randomUUID(), "2026"))
                .post("/internal/v1/jobs/" + job + "/run").then().statusCode(422)
                .body("reasons[0].code", equalTo("epsilon_invalid"));
        marketplace().body(new RunRequest(job, "SELECT count(*) AS n FROM medical_insurance_claims", List.of(claimedGeneral), 1, 0, "org-" + UUID.randomUUID(), "2026"))
                .post("/internal/v1/jobs/" + job + "/run").then().statusCode(422)
                .body("reasons[0].code", equalTo("epsilon_invalid")); // one micro-unit: below the grade's floor
        marketplace().body(new RunRequest(job, "SELECT count(*) AS n FROM medical_insurance_claims", List.of(claimedGeneral), 500_000, 0, "org-" + UUID.randomUUID(), "2026"))
                .post("/internal/v1/jobs/" + job + "/run").then().statusCode(200)
                .body("noise", equalTo("DISCRETE_LAPLACE")).body("k", equalTo(50))
                .body("epsilonMicros", equalTo(500_000)).body("deltaPicos", equalTo(100_000));
    }

    @Test
    void anAliasTheManifestDoesNotKnow_isTreatedAsCore() {
        SandboxDataset unknown = new SandboxDataset("no_such_dataset", Grade.GENERAL, "id",
                List.of(new ColumnSpec("x", "INTEGER", ColumnTag.METRIC, "x")));
        marketplace().body(new AnalysisRequest("SELECT x FROM no_such_dataset", List.of(unknown)))
                .post("/internal/v1/analysis").then().statusCode(403)
                .body("reasons[0].code", equalTo("core_never_processed"));
    }

    @Test
    void delivery_neverIncludesAnIdentifier() {
        marketplace().body(new DeliveryRequest(BUS, 10L)).post("/internal/v1/deliveries")
                .then().statusCode(403).body("reasons[0].code", equalTo("identifier_not_delivered"));
        SandboxDataset withoutCard = new SandboxDataset(BUS.alias(), Grade.GENERAL, "card_id", BUS.columns().subList(1, 4));
        marketplace().body(new DeliveryRequest(withoutCard, 7L)).queryParam("format", "json").post("/internal/v1/deliveries")
                .then().statusCode(200).body("size()", equalTo(7)).body("[0].route_id", matchesPattern("L[0-9]{3}"));
    }

    @Test
    void delivery_filtersByEquality_andWritesCsv() {
        SandboxDataset open = new SandboxDataset(BUS.alias(), Grade.GENERAL, "card_id", BUS.columns().subList(1, 4));
        String route = marketplace().body(new DeliveryRequest(open, 1L)).queryParam("format", "json")
                .post("/internal/v1/deliveries").then().statusCode(200).extract().path("[0].route_id");
        List<java.util.Map<String, Object>> kept = marketplace()
                .body(new DeliveryRequest(open, null, List.of(new DeliveryRequest.EqualityFilter("route_id", route))))
                .queryParam("format", "json").post("/internal/v1/deliveries").then().statusCode(200).extract().path("$");
        org.junit.jupiter.api.Assertions.assertFalse(kept.isEmpty());
        org.junit.jupiter.api.Assertions.assertTrue(kept.stream().allMatch(row -> route.equals(row.get("route_id"))), "only the route asked for");
        String csv = marketplace()
                .body(new DeliveryRequest(open, null, List.of(new DeliveryRequest.EqualityFilter("route_id", route))))
                .queryParam("format", "csv").post("/internal/v1/deliveries").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        org.junit.jupiter.api.Assertions.assertEquals("district_code,route_id,fare_cents", lines[0]);
        org.junit.jupiter.api.Assertions.assertEquals(kept.size() + 1, lines.length, "a header and one line per row kept");
        org.junit.jupiter.api.Assertions.assertTrue(lines[1].contains("," + route + ","));
        // an INTEGER column filtered by a value its type does not read matches nothing, and fails nothing
        marketplace().body(new DeliveryRequest(open, null, List.of(new DeliveryRequest.EqualityFilter("fare_cents", "x' OR 1=1 --"))))
                .queryParam("format", "json").post("/internal/v1/deliveries").then().statusCode(200).body("size()", equalTo(0));
        // a filter on a column that is not delivered (the identifier) is refused before anything is read
        marketplace().body(new DeliveryRequest(open, null, List.of(new DeliveryRequest.EqualityFilter("card_id", "c1"))))
                .post("/internal/v1/deliveries").then().statusCode(400).body("reasons[0].code", equalTo("filter_invalid"));
    }
}
