package io.pdx.marketplace.ledger;

import io.pdx.marketplace.sandbox.SandboxFixtures;
import io.pdx.marketplace.testing.KeycloakTokens;
import io.pdx.marketplace.testing.SandboxRunnerProcess;
import io.pdx.marketplace.testing.TestOrganizations;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 最高准许收入 against the real stack: the bureau administrator alone sets an operator's allowance for this year or a
 * year to come; the operator reads its own (never another organization's); the ledger's revenue from the operator is
 * tracked against it, and this year's excess is deducted from next year's allowance.
 */
@Tag("stack")
@QuarkusTest
@WithTestResource(SandboxRunnerProcess.class) // the demo datasets' manifest is the runner's: it writes target/sandbox-data
class AllowanceApiTest {

    private static final String ORG_A = SandboxFixtures.ORG_A;
    private static final String ORG_B = "91110000600037341L";

    @Inject
    PeriodBilling billing;

    private static io.restassured.response.ValidatableResponse set(String user, String organization, int year, Object cost, String basis) {
        Map<String, Object> body = new HashMap<>();
        body.put("costFen", cost);
        body.put("profitFen", 0);
        body.put("taxFen", 0);
        body.put("basis", basis);
        var request = given().contentType(ContentType.JSON).body(body);
        return (user == null ? request : request.auth().oauth2(KeycloakTokens.of(user)))
                .put("/api/v1/allowances/" + organization + "/" + year).then();
    }

    @Test
    void theExcessOfThisYear_isDeductedFromNextYears_andEachOperatorSeesItsOwn() throws Throwable {
        TestOrganizations.verified(ORG_B, "京数智能科技有限公司");
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        String basis = "2026年度成本监审 / the 2026 cost survey";

        set(null, ORG_A, year, 1, basis).statusCode(401);
        set("operator-a", ORG_A, year, 1, basis).statusCode(403);
        set("bureau-admin", ORG_A, year - 1, 1, basis).statusCode(409).body("type", containsString("year-closed"));
        set("bureau-admin", ORG_A, year, -1, basis).statusCode(400).body("errors[0].field", equalTo("costFen"));
        set("bureau-admin", ORG_A, year, 1.5, basis).statusCode(400);
        set("bureau-admin", ORG_A, year, 1, "").statusCode(400).body("errors[0].field", equalTo("basis"));
        set("bureau-admin", "91440300708461136T", year, 1, basis).statusCode(404);

        // one month billed to organization A at ¥123.45: this year's revenue from it is at least that
        String product = SandboxFixtures.monthlyProduct(SandboxFixtures.dataset("bus_card_swipes"), 12_345);
        SandboxFixtures.activeLicense(product, List.of("route_id"), "SANDBOX", "INDUSTRY_DEVELOPMENT");
        VertxContextSupport.subscribeAndAwait(() -> billing.billDue());

        // an allowance ¥1.00 under this year's revenue: ¥1.00 above it, deducted from next year's ¥500.00
        long revenue = set("bureau-admin", ORG_A, year, 0, basis).statusCode(200).extract().jsonPath().getLong("revenueFen");
        assertTrue(revenue >= 12_345, "the month billed is in this year's revenue: " + revenue);
        long allowed = revenue - 100;
        set("bureau-admin", ORG_A, year, allowed, basis).statusCode(200)
                .body("allowanceFen", equalTo((int) allowed)).body("remainingFen", equalTo(-100)).body("excessFen", equalTo(100));
        set("bureau-admin", ORG_A, year + 1, 50_000, "2027年度核定 / set for 2027").statusCode(200)
                .body("carriedDeductionFen", equalTo(100)).body("effectiveAllowanceFen", equalTo(49_900));

        JsonPath own = given().auth().oauth2(KeycloakTokens.of("operator-a")).get("/api/v1/allowances/" + ORG_A).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(year, year + 1), own.getList("items.year"));
        assertEquals(basis, own.getString("items[0].basis"));
        given().auth().oauth2(KeycloakTokens.of("operator-a")).get("/api/v1/allowances/" + ORG_B).then().statusCode(403);
        given().auth().oauth2(KeycloakTokens.of("developer-a")).get("/api/v1/allowances/" + ORG_A).then().statusCode(403);
        given().get("/api/v1/allowances/" + ORG_A).then().statusCode(401);

        List<Map<String, Object>> events = given().auth().oauth2(KeycloakTokens.of("bureau-admin"))
                .get("/api/v1/audit/events?resourceId=" + ORG_A + "/" + (year + 1) + "&size=10").then().statusCode(200).extract().path("items");
        assertEquals("allowance.set", events.get(0).get("action"));
    }
}
