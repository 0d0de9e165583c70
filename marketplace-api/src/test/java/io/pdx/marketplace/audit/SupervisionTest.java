package io.pdx.marketplace.audit;

import io.pdx.marketplace.sandbox.SandboxFixtures;
import io.pdx.marketplace.testing.KeycloakTokens;
import io.pdx.marketplace.testing.SandboxRunnerProcess;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The regulator (监管, Keycloak role {@code regulator}, demo user regulator-1) against the real Keycloak, OPA and
 * PostgreSQL: it reads licenses, the ledger, invoices, allowances, organizations and the audit trail of every
 * organization; every one of its reads is on the audit chain before it is answered; it changes nothing.
 */
@Tag("stack")
@QuarkusTest
@WithTestResource(SandboxRunnerProcess.class) // the demo datasets' manifest is the runner's: it writes target/sandbox-data
class SupervisionTest {

    private static io.restassured.specification.RequestSpecification regulator() {
        return given().auth().oauth2(KeycloakTokens.of("regulator-1"));
    }

    @Test
    void theRegulator_readsAcrossOrganizations_andEachReadIsAudited() {
        String product = SandboxFixtures.product(SandboxFixtures.dataset("bus_card_swipes"), List.of("SANDBOX"), "FREE", 0);
        String license = SandboxFixtures.activeLicense(product, List.of("route_id"), "SANDBOX", "PUBLIC_GOVERNANCE");

        List<String> seen = regulator().get("/api/v1/licenses?size=500").then().statusCode(200).extract().path("items.id");
        assertTrue(seen.contains(license), "organization A's license, read by the regulator, who belongs to none");
        regulator().get("/api/v1/licenses/" + license).then().statusCode(200);
        for (String read : List.of("/api/v1/ledger", "/api/v1/invoices", "/api/v1/organizations", "/api/v1/audit/events?size=5",
                "/api/v1/allowances/" + SandboxFixtures.ORG_A, "/api/v1/disclosures")) {
            regulator().get(read).then().statusCode(200);
        }

        List<Map<String, Object>> events = given().auth().oauth2(KeycloakTokens.of("bureau-admin"))
                .get("/api/v1/audit/events?resourceId=/api/v1/licenses/" + license + "&size=20").then().statusCode(200).extract().path("items");
        List<Map<String, Object>> reads = events.stream().filter(event -> "supervision.read".equals(event.get("action"))).toList();
        assertEquals(1, reads.size(), "one read, one event: " + events);
        assertEquals("regulator-1", reads.get(0).get("actor"));
        // another caller's reads are not supervision
        given().auth().oauth2(KeycloakTokens.of("operator-a")).get("/api/v1/licenses/" + license).then().statusCode(200);
        assertEquals(1, given().auth().oauth2(KeycloakTokens.of("bureau-admin"))
                .get("/api/v1/audit/events?resourceId=/api/v1/licenses/" + license + "&size=20").then().statusCode(200)
                .extract().<List<Map<String, Object>>>path("items").stream()
                .filter(event -> "supervision.read".equals(event.get("action"))).count());
    }

    @Test
    void theRegulator_changesNothing_andReadsNoData() {
        String product = SandboxFixtures.product(SandboxFixtures.dataset("bus_card_swipes"), List.of("SANDBOX"), "FREE", 0);
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        regulator().contentType(ContentType.JSON).body(Map.of("reason", "监管 / supervision"))
                .post("/api/v1/products/" + product + "/withdraw").then().statusCode(403);
        regulator().contentType(ContentType.JSON).body(Map.of("unitPriceFen", 1, "basis", "监管"))
                .post("/api/v1/products/" + product + "/price").then().statusCode(403);
        regulator().contentType(ContentType.JSON).body(Map.of("costFen", 1, "profitFen", 0, "taxFen", 0, "basis", "监管"))
                .put("/api/v1/allowances/" + SandboxFixtures.ORG_A + "/" + year).then().statusCode(403);
        regulator().post("/api/v1/disclosures/" + year + "/prepare").then().statusCode(403);
        List<String> lines = given().auth().oauth2(KeycloakTokens.of("bureau-admin")).get("/api/v1/invoices?size=1").then()
                .statusCode(200).extract().path("items.id");
        for (String line : lines) { // a line the regulator may read, and not change
            regulator().get("/api/v1/invoices/" + line).then().statusCode(200);
            regulator().contentType(ContentType.JSON).body(Map.of("reason", "监管"))
                    .post("/api/v1/invoices/" + line + "/reverse").then().statusCode(403);
            regulator().contentType(ContentType.JSON).body(Map.of("reference", "监管"))
                    .post("/api/v1/invoices/" + line + "/pay").then().statusCode(403);
        }
        // no sandbox job, no result: the regulator reads records, not data
        regulator().get("/api/v1/sandbox/jobs").then().statusCode(403);
        regulator().contentType(ContentType.JSON).body(Map.of("licenseId", java.util.UUID.randomUUID().toString(), "sql", "SELECT 1"))
                .post("/api/v1/sandbox/jobs").then().statusCode(403);
    }
}
