package io.pdx.sandbox.api;

import io.pdx.contracts.Grade;
import io.pdx.contracts.catalog.ColumnSpec;
import io.pdx.contracts.ColumnTag;
import io.pdx.contracts.runner.RunRequest;
import io.pdx.contracts.runner.SandboxDataset;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;

/**
 * An organization's own table through the runner's internal API, with the real engine: stored from a CSV stream,
 * joined with public bus swipes on the declared key, counted for k on the public data only; read by no other
 * organization's job; never a job of its own alone; gone after deletion.
 */
@Tag("stack") // needs the real stack: ./pdx test starts it; the fast tier leaves it out
@QuarkusTest
class OwnTableApiTest {

    private static final String ORG = "91350100M000100Y43";
    private static final SandboxDataset BUS = new SandboxDataset("bus_card_swipes", Grade.GENERAL, "card_id", List.of(
            new ColumnSpec("card_id", "VARCHAR", ColumnTag.IDENTIFIER, "card"),
            new ColumnSpec("district_code", "VARCHAR", ColumnTag.QUASI_IDENTIFIER, "district"),
            new ColumnSpec("route_id", "VARCHAR", ColumnTag.ATTRIBUTE, "route", null, null, null, "bus_route"),
            new ColumnSpec("fare_cents", "INTEGER", ColumnTag.METRIC, "fare")));
    private static final String BY_DEPOT_KIND = "SELECT d.kind, count(*) AS swipes FROM bus_card_swipes s"
            + " JOIN my_depots d ON s.route_id = d.route_id GROUP BY d.kind";

    private static RequestSpecification runner() {
        return given().header("Authorization", "Bearer " + RunnerApiTest.SECRET);
    }

    private static String depots() {
        StringBuilder csv = new StringBuilder("Route ID,Kind\n");
        for (int route = 1; route <= 120; route++) {
            csv.append(String.format("L%03d,%s%n", route, route % 2 == 0 ? "电动" : "混动"));
        }
        return csv.toString();
    }

    private static SandboxDataset mine(UUID table) {
        return SandboxDataset.ownTable("my_depots", List.of(
                new ColumnSpec("route_id", "VARCHAR", ColumnTag.ATTRIBUTE, "route", null, null, null, "bus_route"),
                new ColumnSpec("kind", "VARCHAR", ColumnTag.ATTRIBUTE, "depot kind")), table.toString());
    }

    private static UUID stored() {
        UUID table = UUID.randomUUID();
        runner().contentType(ContentType.BINARY).body(depots().getBytes(StandardCharsets.UTF_8))
                .put("/internal/v1/tables/" + table + "?organization=" + ORG + "&format=csv&maxBytes=1000000")
                .then().statusCode(200).body("rowCount", equalTo(120)).body("columns.name", hasItems("route_id", "kind"));
        return table;
    }

    @Test
    void aJoinOfPublicSwipesWithTheOwnersTable_runsForItsOwner_andForNoOtherOrganization() {
        UUID table = stored();
        UUID job = UUID.randomUUID();
        runner().contentType(ContentType.JSON)
                .body(new RunRequest(job, BY_DEPOT_KIND, List.of(BUS, mine(table)), 0, 0, ORG, "2026"))
                .post("/internal/v1/jobs/" + job + "/run").then().statusCode(200)
                .body("rowCount", equalTo(2)).body("k", equalTo(10));
        UUID theirs = UUID.randomUUID();
        runner().contentType(ContentType.JSON)
                .body(new RunRequest(theirs, BY_DEPOT_KIND, List.of(BUS, mine(table)), 0, 0, "91110000600037341L", "2026"))
                .post("/internal/v1/jobs/" + theirs + "/run").then().statusCode(404)
                .body("reasons[0].code", equalTo("table_not_found"));
    }

    @Test
    void aJoinKeyThatRepeatsAValueInTheOwnTable_isRefusedAtAnalysisAndRun_beforeAnyPublicRowIsRead() {
        // route L001 a thousand times: each swipe on it would be read a thousand times, a fan-out the owner chose
        StringBuilder csv = new StringBuilder(depots());
        csv.append("L001,电动\n".repeat(1000));
        UUID table = UUID.randomUUID();
        runner().contentType(ContentType.BINARY).body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .put("/internal/v1/tables/" + table + "?organization=" + ORG + "&format=csv&maxBytes=1000000")
                .then().statusCode(200).body("rowCount", equalTo(1120));
        runner().contentType(ContentType.JSON).body(new io.pdx.contracts.runner.AnalysisRequest(BY_DEPOT_KIND, List.of(BUS, mine(table))))
                .post("/internal/v1/analysis").then().statusCode(422)
                .body("reasons[0].code", equalTo("join_key_not_unique"))
                .body("reasons[0].message_en", org.hamcrest.Matchers.containsString("route_id"));
        UUID job = UUID.randomUUID();
        runner().contentType(ContentType.JSON)
                .body(new RunRequest(job, BY_DEPOT_KIND, List.of(BUS, mine(table)), 0, 0, ORG, "2026"))
                .post("/internal/v1/jobs/" + job + "/run").then().statusCode(422)
                .body("reasons[0].code", equalTo("join_key_not_unique"));
        // the same table with one row per route is analysed as before
        runner().contentType(ContentType.JSON).body(new io.pdx.contracts.runner.AnalysisRequest(BY_DEPOT_KIND, List.of(BUS, mine(stored()))))
                .post("/internal/v1/analysis").then().statusCode(200);
    }

    @Test
    void theOwnTableAlone_isNotAJob() {
        UUID table = stored();
        UUID job = UUID.randomUUID();
        runner().contentType(ContentType.JSON)
                .body(new RunRequest(job, "SELECT kind, count(*) AS n FROM my_depots GROUP BY kind", List.of(mine(table)), 0, 0,
                        ORG, "2026"))
                .post("/internal/v1/jobs/" + job + "/run").then().statusCode(422)
                .body("reasons[0].code", equalTo("public_dataset_required"));
        // nor with a public dataset named but not read
        UUID named = UUID.randomUUID();
        runner().contentType(ContentType.JSON)
                .body(new RunRequest(named, "SELECT kind, count(*) AS n FROM my_depots GROUP BY kind", List.of(BUS, mine(table)), 0, 0,
                        ORG, "2026"))
                .post("/internal/v1/jobs/" + named + "/run").then().statusCode(422)
                .body("reasons[0].code", equalTo("public_dataset_required"));
    }

    @Test
    void aDeletedTable_isGone_andNoJobReadsIt() {
        UUID table = stored();
        runner().delete("/internal/v1/tables/" + table).then().statusCode(200).body("bytes", greaterThan(0));
        UUID job = UUID.randomUUID();
        runner().contentType(ContentType.JSON)
                .body(new RunRequest(job, BY_DEPOT_KIND, List.of(BUS, mine(table)), 0, 0, ORG, "2026"))
                .post("/internal/v1/jobs/" + job + "/run").then().statusCode(404);
        runner().delete("/internal/v1/tables/" + table).then().statusCode(404);
    }

    @Test
    void aBrokenUpload_isAProblem_andWithoutTheSecretNothingIsStored() {
        runner().contentType(ContentType.BINARY).body("not,a\nparquet".getBytes(StandardCharsets.UTF_8))
                .put("/internal/v1/tables/" + UUID.randomUUID() + "?organization=" + ORG + "&format=parquet")
                .then().statusCode(422).contentType("application/problem+json");
        given().contentType(ContentType.BINARY).body(depots().getBytes(StandardCharsets.UTF_8))
                .put("/internal/v1/tables/" + UUID.randomUUID() + "?organization=" + ORG + "&format=csv")
                .then().statusCode(401);
    }
}
