package io.pdx.marketplace.sandbox;

import io.pdx.marketplace.testing.KeycloakTokens;
import io.pdx.marketplace.testing.SandboxRunnerProcess;
import io.pdx.marketplace.testing.TestOrganizations;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.pdx.marketplace.sandbox.SandboxFixtures.BUS;
import static io.pdx.marketplace.sandbox.SandboxFixtures.BUS_COLUMNS;
import static io.pdx.marketplace.sandbox.SandboxFixtures.activeLicense;
import static io.pdx.marketplace.sandbox.SandboxFixtures.awaitJob;
import static io.pdx.marketplace.sandbox.SandboxFixtures.dataset;
import static io.pdx.marketplace.sandbox.SandboxFixtures.post;
import static io.pdx.marketplace.sandbox.SandboxFixtures.product;
import static io.pdx.marketplace.sandbox.SandboxFixtures.readArrow;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A clean room with the enterprise's own data, over the API against the real runner, OPA, Keycloak and PostgreSQL:
 * upload (streamed CSV) → confirm the inferred columns → a job joins the table with licensed bus swipes on the declared
 * key → a released aggregate as Arrow; another organization can neither see, list, confirm, delete nor join the table;
 * deleting it removes its file and every result derived from it, and the receipt is an event of the audit chain.
 */
@Tag("stack") // needs the real stack: ./pdx test starts it; the fast tier leaves it out
@QuarkusTest
@WithTestResource(SandboxRunnerProcess.class)
class OwnTablesTest {

    private static String busLicense;

    @BeforeEach
    void license() {
        if (busLicense != null) {
            return; // once per class: the app is up by the first test (a @BeforeAll would run before it)
        }
        busLicense = activeLicense(product(dataset(BUS), List.of("SANDBOX"), "FREE", 0), BUS_COLUMNS, "SANDBOX", "PUBLIC_GOVERNANCE");
    }

    private static String depots() {
        StringBuilder csv = new StringBuilder("Route ID,Kind\n");
        for (int route = 1; route <= 120; route++) {
            csv.append(String.format("L%03d,%s%n", route, route % 2 == 0 ? "电动" : "混动"));
        }
        return csv.toString();
    }

    private static ValidatableResponse upload(String user, String alias, String format, byte[] body) {
        return given().auth().oauth2(KeycloakTokens.of(user)).contentType("text/csv").body(body)
                .post("/api/v1/tables?alias=" + alias + "&format=" + format).then();
    }

    private static String confirmedTable(String alias) {
        String id = upload("developer-a", alias, "csv", depots().getBytes(StandardCharsets.UTF_8)).statusCode(201)
                .body("state", equalTo("UPLOADED")).body("rowCount", equalTo(120))
                .body("columns.name", contains("route_id", "kind")).body("columns.type", contains("VARCHAR", "VARCHAR"))
                .extract().path("id");
        post("developer-a", "/api/v1/tables/" + id + "/confirm", Map.of("columns", List.of(
                Map.of("name", "route_id", "tag", "ATTRIBUTE", "joinKey", "bus_route"),
                Map.of("name", "kind", "tag", "ATTRIBUTE")))).statusCode(200)
                .body("state", equalTo("CONFIRMED")).body("columns.find { it.name == 'route_id' }.joinKey", equalTo("bus_route"));
        return id;
    }

    private static ValidatableResponse submit(String user, String license, List<String> tables, String sql) {
        Map<String, Object> body = new HashMap<>();
        body.put("licenseId", license);
        body.put("sql", sql);
        body.put("tableIds", tables);
        return post(user, "/api/v1/sandbox/jobs", body);
    }

    private static String alias() {
        return "depots_" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void upload_confirm_join_release_thenDeleteWithAReceiptInTheAuditChain() throws Exception {
        String alias = alias();
        String table = confirmedTable(alias);
        String sql = "SELECT d.kind, count(*) AS swipes FROM bus_card_swipes s JOIN " + alias + " d ON s.route_id = d.route_id"
                + " GROUP BY d.kind ORDER BY d.kind";
        String job = submit("developer-a", busLicense, List.of(table), sql).statusCode(202)
                .body("tableIds", contains(table)).extract().path("id");
        awaitJob(job).body("state", equalTo("RELEASED"));
        byte[] arrow = given().auth().oauth2(KeycloakTokens.of("developer-a")).get("/api/v1/sandbox/jobs/" + job + "/result")
                .then().statusCode(200).extract().asByteArray();
        SandboxFixtures.ArrowResult result = readArrow(arrow);
        assertEquals(List.of("kind", "swipes"), result.columns());
        assertEquals(2, result.rows().size(), "two kinds of depot, each with thousands of cards");
        long total = result.rows().stream().mapToLong(row -> ((Number) row.get("swipes")).longValue()).sum();
        long swipes = ((Number) SandboxFixtures.exact("SELECT count(*) AS n FROM bus_card_swipes").get(0).get("n")).longValue();
        assertEquals(swipes, total, "every swipe's route is in the table");

        var receipt = given().auth().oauth2(KeycloakTokens.of("developer-a")).delete("/api/v1/tables/" + table).then()
                .statusCode(200).body("state", equalTo("DELETED"))
                .body("receipt.resultsDeleted", hasItem(job)).body("receipt.sha256", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}"))
                .extract();
        String sha256 = receipt.path("receipt.sha256");
        given().auth().oauth2(KeycloakTokens.of("developer-a")).get("/api/v1/sandbox/jobs/" + job + "/result").then()
                .statusCode(org.hamcrest.Matchers.oneOf(404, 410));
        List<Map<String, Object>> events = given().auth().oauth2(KeycloakTokens.of("bureau-admin"))
                .get("/api/v1/audit/events?resourceId=" + table + "&size=50").then().statusCode(200).extract().path("items");
        Map<String, Object> deletion = events.stream().filter(event -> "table.delete".equals(event.get("action"))).findFirst()
                .orElseThrow();
        assertTrue(String.valueOf(deletion.get("detail")).contains(sha256), "the receipt's checksum is in the chain");
        assertTrue(String.valueOf(deletion.get("detail")).contains(job), "and the results it deleted");
        given().auth().oauth2(KeycloakTokens.of("bureau-admin")).get("/api/v1/audit/verify").then().statusCode(200)
                .body("valid", equalTo(true));
        // the table is gone for jobs too
        submit("developer-a", busLicense, List.of(table), sql).statusCode(404);
    }

    @Test
    void anotherOrganization_canNeitherSeeListConfirmDeleteNorJoinTheTable() {
        String alias = alias();
        String table = confirmedTable(alias);
        TestOrganizations.verified("91110000600037341L", "京数智能科技有限公司");
        for (String user : List.of("developer-b", "operator-b", "reviewer-1")) {
            given().auth().oauth2(KeycloakTokens.of(user)).get("/api/v1/tables/" + table).then().statusCode(404);
            given().auth().oauth2(KeycloakTokens.of(user)).contentType(ContentType.JSON).body(Map.of("columns", List.of()))
                    .post("/api/v1/tables/" + table + "/confirm").then().statusCode(org.hamcrest.Matchers.oneOf(403, 404));
            given().auth().oauth2(KeycloakTokens.of(user)).delete("/api/v1/tables/" + table).then()
                    .statusCode(org.hamcrest.Matchers.oneOf(403, 404));
        }
        given().auth().oauth2(KeycloakTokens.of("developer-b")).get("/api/v1/tables").then().statusCode(200)
                .body("items.id", not(hasItem(table)));
        given().auth().oauth2(KeycloakTokens.of("developer-a")).get("/api/v1/tables").then().statusCode(200)
                .body("items.id", hasItem(table));
        given().get("/api/v1/tables/" + table).then().statusCode(401);
        // organization B's developer naming A's table in a job of B's own license: as if it did not exist
        submit("developer-b", licenseOfOrganizationB(), List.of(table), "SELECT count(*) AS n FROM bus_card_swipes")
                .statusCode(404).body("detail", containsString(table));
        given().auth().oauth2(KeycloakTokens.of("developer-a")).get("/api/v1/tables/" + table).then().statusCode(200)
                .body("state", equalTo("CONFIRMED"));
    }

    @Test
    void badUploads_areProblemsThatKeepNothing() {
        String alias = alias();
        upload("developer-a", alias, "csv", "a,b\n1,2\n3,4,5,6\n\"unclosed,7\n".getBytes(StandardCharsets.UTF_8))
                .statusCode(422).contentType("application/problem+json");
        upload("developer-a", alias, "parquet", depots().getBytes(StandardCharsets.UTF_8)).statusCode(422);
        upload("developer-a", "Not A Name", "csv", depots().getBytes(StandardCharsets.UTF_8)).statusCode(400)
                .body("errors.field", hasItem("alias"));
        upload("developer-a", alias, "xlsx", depots().getBytes(StandardCharsets.UTF_8)).statusCode(422)
                .body("errors.field", hasItem("format"));
        given().auth().oauth2(KeycloakTokens.of("developer-a")).get("/api/v1/tables").then().statusCode(200)
                .body("items.alias", not(hasItem(alias)));
        // a name already taken
        confirmedTable(alias);
        upload("developer-a", alias, "csv", depots().getBytes(StandardCharsets.UTF_8)).statusCode(409);
    }

    @Test
    void aConfirmationThatDoesNotFitTheInferredColumns_namesEachField_andAnUnconfirmedTableIsNotJoined() {
        String alias = alias();
        String id = upload("developer-a", alias, "csv", depots().getBytes(StandardCharsets.UTF_8)).statusCode(201).extract().path("id");
        submit("developer-a", busLicense, List.of(id), "SELECT count(*) AS n FROM bus_card_swipes").statusCode(409);
        post("developer-a", "/api/v1/tables/" + id + "/confirm", Map.of("columns", List.of(
                Map.of("name", "route_id", "tag", "ATTRIBUTE", "type", "BIGINT", "joinKey", "Not-A-Key"),
                Map.of("name", "nope", "tag", "ATTRIBUTE")))).statusCode(400) // a join key off its pattern is a schema error
                .body("errors.field", hasItem("columns.route_id.type"))
                .body("errors.field", hasItem("columns.route_id.joinKey"))
                .body("errors.field", hasItem("columns.kind"))
                .body("errors.field", hasItem("columns.nope"));
        given().auth().oauth2(KeycloakTokens.of("developer-a")).get("/api/v1/tables/" + id).then().statusCode(200)
                .body("state", equalTo("UPLOADED")).body("columns", hasSize(2));
    }

    /** An ACTIVE SANDBOX license of organization B on its own product of the bus swipes. */
    private static String licenseOfOrganizationB() {
        String product = product(dataset(BUS), List.of("SANDBOX"), "FREE", 0);
        Map<String, Object> application = new HashMap<>();
        application.put("productId", product);
        application.put("purposeCategory", "PUBLIC_GOVERNANCE");
        application.put("purposeText", "自有数据隔离测试 / own-table isolation test");
        application.put("columns", BUS_COLUMNS);
        application.put("mode", "SANDBOX");
        application.put("termStart", "2026-11-01");
        application.put("termEnd", "2027-10-31");
        String id = post("operator-b", "/api/v1/licenses", application).statusCode(201).extract().path("id");
        post("operator-b", "/api/v1/licenses/" + id + "/accept", null).statusCode(200).body("state", equalTo("ACTIVE"));
        return id;
    }
}
