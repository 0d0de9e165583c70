package io.pdx.marketplace.sandbox;

import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.testing.KeycloakTokens;
import io.pdx.marketplace.testing.SandboxRunnerProcess;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.pdx.marketplace.sandbox.SandboxFixtures.BUS;
import static io.pdx.marketplace.sandbox.SandboxFixtures.BUS_COLUMNS;
import static io.pdx.marketplace.sandbox.SandboxFixtures.CLAIMS;
import static io.pdx.marketplace.sandbox.SandboxFixtures.CLAIM_COLUMNS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API as a new developer meets it: what a license lets them query, the reference lists, results as Parquet
 * with the controls' metadata, file names on downloads, strict parameters, and field messages in their language.
 */
@Tag("stack")
@QuarkusTest
@WithTestResource(SandboxRunnerProcess.class)
class ApiSurfaceTest {

    // made once for the class, in the first test's @BeforeEach: RestAssured points at the test's port only then
    private static String busLicense;
    private static String claimsLicense;
    private static String busProduct;

    @BeforeEach
    void licenses() {
        if (busLicense != null) {
            return;
        }
        Dataset bus = SandboxFixtures.dataset(BUS);
        busProduct = SandboxFixtures.product(bus, List.of("DELIVERY", "SANDBOX"), "FREE", 0);
        busLicense = SandboxFixtures.activeLicense(busProduct, BUS_COLUMNS, "SANDBOX", "PUBLIC_GOVERNANCE");
        claimsLicense = SandboxFixtures.freshClaims().license();
    }

    @Test
    void workspace_namesTheTable_theColumnsWithTheirUses_theTemplates_andThePrivacyBudget() {
        given().auth().oauth2(KeycloakTokens.of("developer-a")).get("/api/v1/licenses/" + claimsLicense + "/workspace")
                .then().statusCode(200)
                .body("alias", equalTo(CLAIMS))
                .body("grade", equalTo("IMPORTANT"))
                .body("columns.name", hasItems(CLAIM_COLUMNS.toArray(String[]::new)))
                .body("columns.find { it.name == 'person_id' }.uses", equalTo(List.of("ENTITY_COUNT", "JOIN")))
                .body("columns.find { it.name == 'total_amount' }.upper", notNullValue())
                .body("rowLevelOutput", equalTo(false))
                .body("privacy.epsilonMin", equalTo(0.1f))
                .body("privacy.epsilonMax", equalTo(1.0f))
                .body("privacy.budget.epsilonBudget", equalTo(10))
                .body("templates.id", hasItem("tpl-claims-by-district-age"));
        given().auth().oauth2(KeycloakTokens.of("developer-a")).get("/api/v1/licenses/" + busLicense + "/workspace")
                .then().statusCode(200)
                .body("alias", equalTo(BUS))
                .body("privacy", nullValue())
                .body("templates.id", hasItem("tpl-traffic-flow-by-hour"));
    }

    @Test
    void anotherOrganizationsWorkspace_isNotFound() {
        given().auth().oauth2(KeycloakTokens.of("developer-b")).get("/api/v1/licenses/" + claimsLicense + "/workspace")
                .then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/licenses/" + claimsLicense + "/workspace").then().statusCode(401);
    }

    @Test
    void referenceData_isPublic_andNamesPurposesModesGradesAndTaxonomy() {
        given().get("/api/v1/reference").then().statusCode(200)
                .body("purposes.code", hasItems("PUBLIC_GOVERNANCE", "INDUSTRY_DEVELOPMENT"))
                .body("purposes.find { it.code == 'PUBLIC_WELFARE' }.nameZh", equalTo("公益事业"))
                .body("purposes.find { it.code == 'INDUSTRY_DEVELOPMENT' }.free", equalTo(false))
                .body("licenseModes.code", equalTo(List.of("DELIVERY", "SANDBOX")))
                .body("grades.code", equalTo(List.of("GENERAL", "IMPORTANT", "CORE")))
                .body("grades.find { it.code == 'CORE' }.licenseModes", equalTo(List.of()))
                .body("taxonomy.code", hasItem("交通/公共交通"))
                .body("taxonomy.find { it.code == '交通/公共交通' }.parent", equalTo("交通"));
    }

    @Test
    void anUnknownPurposeOrMode_is400NamingTheAllowedValues_inTheReadersLanguage() {
        Map<String, Object> application = new HashMap<>();
        application.put("productId", busProduct);
        application.put("purposeCategory", "MARKETING");
        application.put("purposeText", "测试");
        application.put("columns", List.of("route_id"));
        application.put("mode", "SANDBX");
        application.put("termStart", "2026-12-01");
        application.put("termEnd", "2027-11-30");
        given().auth().oauth2(KeycloakTokens.of("operator-a")).contentType(ContentType.JSON).body(application)
                .post("/api/v1/licenses").then().statusCode(400)
                .header("Content-Language", "zh-CN")
                .body("code", equalTo("invalid-request"))
                .body("errors.find { it.field == 'purposeCategory' }.message", containsString("须为以下之一"))
                .body("errors.find { it.field == 'purposeCategory' }.message", containsString("PUBLIC_GOVERNANCE"))
                .body("errors.find { it.field == 'mode' }.message", containsString("SANDBOX"));
        given().auth().oauth2(KeycloakTokens.of("operator-a")).header("Accept-Language", "en-US,en;q=0.9")
                .contentType(ContentType.JSON).body(application)
                .post("/api/v1/licenses").then().statusCode(400)
                .header("Content-Language", "en")
                .body("errors.find { it.field == 'mode' }.message", equalTo("must be one of DELIVERY, SANDBOX"));
    }

    @Test
    void malformedQueryParameters_are400Problems_neverNotFound() {
        String token = KeycloakTokens.of("developer-a");
        for (String query : List.of("page=abc", "size=", "size=0", "size=100000", "state=DONE", "page=-1")) {
            given().auth().oauth2(token).get("/api/v1/sandbox/jobs?" + query).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", notNullValue());
        }
        given().get("/api/v1/datasets?page=abc").then().statusCode(400).body("errors[0].field", equalTo("page"));
        given().get("/api/v1/datasets?grade=SECRET").then().statusCode(400)
                .body("errors[0].message", containsString("GENERAL"));
    }

    @Test
    void listsAreOneEnvelope() {
        given().auth().oauth2(KeycloakTokens.of("operator-a")).get("/api/v1/licenses?size=2&page=0").then().statusCode(200)
                .body("size", equalTo(2)).body("page", equalTo(0))
                .body("items.size()", equalTo(2))
                .body("items.state", everyItem(notNullValue()));
        int total = given().auth().oauth2(KeycloakTokens.of("operator-a")).get("/api/v1/licenses").then().extract().path("total");
        assertTrue(total >= 2);
        given().auth().oauth2(KeycloakTokens.of("operator-a")).get("/api/v1/licenses?state=ACTIVE").then().statusCode(200)
                .body("items.state", everyItem(equalTo("ACTIVE")));
    }

    @Test
    void methodsFormatsAndBodies_answerWithTheirOwnProblems() {
        given().auth().oauth2(KeycloakTokens.of("developer-a")).delete("/api/v1/sandbox/jobs").then().statusCode(405)
                .header("Allow", equalTo("GET, HEAD, OPTIONS, POST")).contentType("application/problem+json")
                .body("code", equalTo("method-not-allowed"));
        given().options("/api/v1/licenses/" + busLicense + "/accept").then()
                .header("Allow", equalTo("OPTIONS, POST"));
        given().accept("application/xml").get("/api/v1/reference").then().statusCode(406).body("code", equalTo("not-acceptable"));
        given().auth().oauth2(KeycloakTokens.of("developer-a")).contentType(ContentType.TEXT).body("SELECT 1")
                .post("/api/v1/sandbox/jobs").then().statusCode(415).body("code", equalTo("unsupported-media-type"));
        given().auth().oauth2(KeycloakTokens.of("developer-a")).get("/api/v1/sandbox/jobs/" + java.util.UUID.randomUUID()
                + "/result?format=csv").then().statusCode(400).body("errors[0].message", containsString("arrow, parquet, json"));
    }

    @Test
    void aTooLargeBody_is413WithAProblem() {
        String sql = "SELECT 1 -- " + "x".repeat(2 * 1024 * 1024);
        given().auth().oauth2(KeycloakTokens.of("developer-a")).contentType(ContentType.JSON)
                .body(Map.of("licenseId", busLicense, "sql", sql))
                .post("/api/v1/sandbox/jobs").then().statusCode(413).contentType("application/problem+json")
                .body("code", equalTo("payload-too-large"));
    }

    @Test
    void aReleasedResult_downloadsAsArrowOrParquet_namedAfterTheJob_withTheControlsMetadata() throws Exception {
        String id = SandboxFixtures.run(busLicense, "SELECT district_code, count(*) AS swipes FROM bus_card_swipes GROUP BY district_code")
                .body("state", equalTo("RELEASED")).extract().path("id");
        given().auth().oauth2(KeycloakTokens.of("developer-a")).get("/api/v1/sandbox/jobs/" + id + "/result").then().statusCode(200)
                .contentType("application/vnd.apache.arrow.stream")
                .header("Content-Disposition", equalTo("attachment; filename=\"pdx-job-" + id + ".arrows\""));
        byte[] parquet = given().auth().oauth2(KeycloakTokens.of("developer-a")).get("/api/v1/sandbox/jobs/" + id + "/result?format=parquet")
                .then().statusCode(200).contentType("application/vnd.apache.parquet")
                .header("Content-Disposition", equalTo("attachment; filename=\"pdx-job-" + id + ".parquet\""))
                .extract().asByteArray();
        Path file = Files.createTempFile("result-", ".parquet");
        try {
            Files.write(file, parquet);
            try (Connection duck = java.sql.DriverManager.getConnection("jdbc:duckdb:"); Statement query = duck.createStatement()) {
                Map<String, String> metadata = new HashMap<>();
                try (ResultSet rows = query.executeQuery("SELECT decode(key), decode(value) FROM parquet_kv_metadata('" + file + "')")) {
                    while (rows.next()) {
                        metadata.put(rows.getString(1), rows.getString(2));
                    }
                }
                assertEquals("GENERAL", metadata.get("pdx.grade"));
                assertEquals(id, metadata.get("pdx.job_id"));
                assertEquals("COUNT", metadata.get("pdx.column.swipes.aggregate"));
                try (ResultSet rows = query.executeQuery("SELECT count(*), min(swipes) FROM '" + file + "'")) {
                    rows.next();
                    assertTrue(rows.getLong(1) > 0, "the released groups");
                    assertTrue(rows.getLong(2) >= 1);
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
        given().auth().oauth2(KeycloakTokens.of("bureau-admin")).get("/api/v1/audit/events?resourceId=" + id).then().statusCode(200)
                .body("items.findAll { it.action == 'job.download' }.detail", hasItem(containsString("parquet")));
    }

    @Test
    void aDelivery_downloadsAsParquet_withoutIdentifiers() throws Exception {
        String delivery = SandboxFixtures.activeLicense(busProduct, List.of("route_id", "district_code", "card_type"), "DELIVERY",
                "PUBLIC_GOVERNANCE");
        assertTrue(delivery != null);
        byte[] parquet = given().auth().oauth2(KeycloakTokens.of("operator-a"))
                .get("/api/v1/products/" + busProduct + "/delivery?format=parquet&limit=100").then().statusCode(200)
                .contentType("application/vnd.apache.parquet")
                .header("Content-Disposition", startsWith("attachment; filename=\"pdx-delivery-"))
                .extract().asByteArray();
        Path file = Files.createTempFile("delivery-", ".parquet");
        try {
            Files.write(file, parquet);
            try (Connection duck = java.sql.DriverManager.getConnection("jdbc:duckdb:"); Statement query = duck.createStatement();
                 ResultSet rows = query.executeQuery("SELECT count(*) FROM '" + file + "'")) {
                rows.next();
                assertEquals(100, rows.getLong(1));
            }
        } finally {
            Files.deleteIfExists(file);
        }
        given().auth().oauth2(KeycloakTokens.of("operator-a"))
                .get("/api/v1/products/" + busProduct + "/delivery?format=xlsx").then().statusCode(400);
    }
}
