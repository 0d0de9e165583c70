package io.pdx.marketplace.disclosure;

import io.pdx.marketplace.ledger.LedgerEntry;
import io.pdx.marketplace.ledger.PeriodBilling;
import io.pdx.marketplace.sandbox.SandboxFixtures;
import io.pdx.marketplace.testing.KeycloakTokens;
import io.pdx.marketplace.testing.SandboxRunnerProcess;
import io.pdx.marketplace.time.MovablePlatformClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 收费公示 and the annual disclosure against the real stack: a price changes only within its cap and every price stays in
 * the public fee notice; a year's disclosure reconciles with the ledger to the fen (a worked example: two licenses
 * billed ¥123.45 for the month, one charge reversed), its JSON and PDF are the bytes whose digests the audit chain
 * holds, it is the bureau's until published, published only once the year is over, late after 31 March, and never changed after.
 */
@Tag("stack")
@QuarkusTest
@WithTestResource(SandboxRunnerProcess.class) // the demo datasets' manifest is the runner's: it writes target/sandbox-data
class FeesAndDisclosureTest {

    private static final long MONTHLY_FEN = 12_345;
    private static final ZoneId BUREAU = ZoneId.of("Asia/Shanghai");

    @jakarta.inject.Inject
    PeriodBilling billing;

    @AfterEach
    void resetClock() {
        MovablePlatformClock.reset();
    }

    private static io.restassured.response.ValidatableResponse reprice(String user, String product, Object price, String basis) {
        Map<String, Object> body = new HashMap<>();
        body.put("unitPriceFen", price);
        body.put("basis", basis);
        var request = given().contentType(ContentType.JSON).body(body);
        return (user == null ? request : request.auth().oauth2(KeycloakTokens.of(user)))
                .post("/api/v1/products/" + product + "/price").then();
    }

    @Test
    void aPriceChanges_withinItsCapOnly_byTheBureau_andTheFeeNoticeKeepsEveryPrice() {
        String product = SandboxFixtures.monthlyProduct(SandboxFixtures.dataset("bus_card_swipes"), MONTHLY_FEN);
        String basis = "2026年成本监审报告 / the 2026 cost survey";

        reprice(null, product, 20_000, basis).statusCode(401);
        reprice("operator-a", product, 20_000, basis).statusCode(403);
        reprice("bureau-admin", product, MONTHLY_FEN * 2 + 1, basis).statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("unitPriceFen")).body("errors[0].message", containsString(Long.toString(MONTHLY_FEN * 2)));
        reprice("bureau-admin", product, 0, basis).statusCode(422);
        reprice("bureau-admin", product, 12.5, basis).statusCode(400);
        reprice("bureau-admin", product, 20_000, " ").statusCode(400).body("errors[0].field", equalTo("basis"));
        reprice("bureau-admin", java.util.UUID.randomUUID().toString(), 20_000, basis).statusCode(404);
        assertEquals(MONTHLY_FEN, (int) given().get("/api/v1/fee-notices/" + product).then().statusCode(200)
                .extract().path("priceRule.unitPriceFen"), "nothing refused changed the price");

        reprice("bureau-admin", product, 20_000, basis).statusCode(200).body("priceRule.unitPriceFen", equalTo(20_000));

        JsonPath notice = given().get("/api/v1/fee-notices/" + product).then().statusCode(200).extract().jsonPath();
        assertEquals(20_000, notice.getInt("priceRule.unitPriceFen"));
        assertEquals(basis, notice.getString("basis"));
        assertEquals(2, notice.getList("history").size());
        assertEquals(MONTHLY_FEN, notice.getLong("history[0].unitPriceFen"));
        assertEquals(notice.getString("listedAt"), notice.getString("history[0].effectiveFrom"));
        assertEquals(notice.getString("history[0].effectiveUntil"), notice.getString("history[1].effectiveFrom"));
        assertEquals(20_000, notice.getLong("history[1].unitPriceFen"));
        assertEquals(basis, notice.getString("history[1].basis"));
        assertNull(notice.get("history[1].effectiveUntil"), "in force");
        List<String> listed = given().get("/api/v1/fee-notices?size=200").then().statusCode(200).extract().path("items.productId");
        assertTrue(listed.contains(product), "the public list has it");

        // withdrawn: no new price; the last one's period ends with the listing
        given().auth().oauth2(KeycloakTokens.of("bureau-admin")).contentType(ContentType.JSON)
                .body(Map.of("reason", "停止供给 / no longer supplied")).post("/api/v1/products/" + product + "/withdraw").then().statusCode(200);
        reprice("bureau-admin", product, 15_000, basis).statusCode(409);
        JsonPath withdrawn = given().get("/api/v1/fee-notices/" + product).then().statusCode(200).extract().jsonPath();
        assertEquals(withdrawn.getString("withdrawnAt"), withdrawn.getString("history[1].effectiveUntil"));

        List<Map<String, Object>> events = given().auth().oauth2(KeycloakTokens.of("bureau-admin"))
                .get("/api/v1/audit/events?resourceId=" + product + "&size=50").then().statusCode(200).extract().path("items");
        assertEquals(1, events.stream().filter(event -> "product.reprice".equals(event.get("action"))).count(), "one change audited: " + events);
    }

    @Test
    void theYearsDisclosure_reconcilesWithTheLedger_isTheBureausUntilPublished_andIsFinalOncePublished() throws Throwable {
        int year = LocalDate.now(BUREAU).getYear();
        String product = SandboxFixtures.monthlyProduct(SandboxFixtures.dataset("bus_card_swipes"), MONTHLY_FEN);
        String kept = SandboxFixtures.activeLicense(product, List.of("route_id", "fare_cents"), "SANDBOX", "INDUSTRY_DEVELOPMENT");
        String reversed = SandboxFixtures.activeLicense(product, List.of("route_id"), "SANDBOX", "SECTOR_DEVELOPMENT");
        VertxContextSupport.subscribeAndAwait(() -> billing.billDue());
        String line = given().auth().oauth2(KeycloakTokens.of("bureau-admin")).get("/api/v1/invoices?size=500").then().statusCode(200)
                .extract().path("items.find { it.licenseId == '" + reversed + "' }.id");
        given().auth().oauth2(KeycloakTokens.of("bureau-admin")).contentType(ContentType.JSON).body(Map.of("reason", "重复计费 / billed twice"))
                .post("/api/v1/invoices/" + line + "/reverse").then().statusCode(200);

        String prepare = "/api/v1/disclosures/" + year + "/prepare";
        given().post(prepare).then().statusCode(401);
        given().auth().oauth2(KeycloakTokens.of("operator-a")).post(prepare).then().statusCode(403);
        given().auth().oauth2(KeycloakTokens.of("bureau-admin")).post("/api/v1/disclosures/" + (year + 1) + "/prepare").then()
                .statusCode(422).contentType("application/problem+json");
        JsonPath draft = given().auth().oauth2(KeycloakTokens.of("bureau-admin")).post(prepare).then().statusCode(200)
                .body("status", equalTo("DRAFT")).body("due", equalTo((year + 1) + "-03-31")).extract().jsonPath();

        // the worked example: two licenses billed ¥123.45 for this month, one charge reversed: ¥123.45 for the product
        assertEquals(MONTHLY_FEN, draft.getLong("content.products.find { it.productId == '" + product + "' }.revenueFen"));
        List<String> licenses = draft.getList("content.authorizations.licenseId");
        assertTrue(licenses.contains(kept) && licenses.contains(reversed), "both authorizations in force this year");
        assertEquals("闽数科技有限公司", draft.getString("content.authorizations.find { it.licenseId == '" + kept + "' }.organizationName"));
        // reconciled: the total is the ledger's for the revenue account in the year, and the products' sum to it
        long ledger = revenueInLedger(year);
        assertEquals(ledger, draft.getLong("content.revenueFen"), "the disclosure's total is the ledger's");
        long byProduct = draft.getList("content.products.revenueFen", Long.class).stream().mapToLong(Long::longValue).sum();
        assertEquals(ledger, byProduct, "the products' revenue sums to the total");
        assertTrue(draft.getLong("content.reversals") >= 1);

        // the bytes served are the bytes hashed, and the chain holds both digests
        byte[] figures = given().auth().oauth2(KeycloakTokens.of("bureau-admin")).get("/api/v1/disclosures/" + year + "/json")
                .then().statusCode(200).extract().asByteArray();
        assertEquals(draft.getString("contentSha256"), sha256(figures));
        byte[] pdf = given().auth().oauth2(KeycloakTokens.of("bureau-admin")).get("/api/v1/disclosures/" + year + "/pdf")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
        assertEquals(draft.getString("pdfSha256"), sha256(pdf));
        String html = given().auth().oauth2(KeycloakTokens.of("bureau-admin")).get("/api/v1/disclosures/" + year + "/html")
                .then().statusCode(200).contentType(containsString("text/html")).extract().asString();
        assertTrue(html.contains("年度公共数据资源授权运营情况披露") && html.contains("¥123.45"), "the page names the year and the fee");
        assertFalse(html.contains("<script"), "a page of text");

        // a draft is the bureau's: the public is told there is none
        given().get("/api/v1/disclosures/" + year).then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/disclosures/" + year + "/pdf").then().statusCode(404);
        List<Integer> publicYears = given().get("/api/v1/disclosures").then().statusCode(200).extract().path("items.year");
        assertFalse(publicYears.contains(year));

        // not while the year runs; then, after 31 March, published late, and final
        String publish = "/api/v1/disclosures/" + year + "/publish";
        given().auth().oauth2(KeycloakTokens.of("bureau-admin")).post(publish).then().statusCode(409)
                .body("type", containsString("year-not-over"));
        MovablePlatformClock.advance(Duration.between(OffsetDateTime.now(),
                LocalDate.of(year + 1, 4, 2).atStartOfDay(BUREAU).toOffsetDateTime()));
        given().auth().oauth2(KeycloakTokens.of("operator-a")).post(publish).then().statusCode(403);
        given().auth().oauth2(KeycloakTokens.of("bureau-admin")).post(publish).then().statusCode(200)
                .body("status", equalTo("PUBLISHED")).body("late", equalTo(true))
                .body("pdfSha256", equalTo(draft.getString("pdfSha256")));
        given().auth().oauth2(KeycloakTokens.of("bureau-admin")).post(publish).then().statusCode(409);
        given().auth().oauth2(KeycloakTokens.of("bureau-admin")).post(prepare).then().statusCode(409)
                .body("type", containsString("disclosure-published"));
        given().get("/api/v1/disclosures/" + year).then().statusCode(200).body("content.revenueFen", equalTo((int) ledger));
        assertEquals(draft.getString("pdfSha256"), sha256(given().get("/api/v1/disclosures/" + year + "/pdf").then().statusCode(200)
                .extract().asByteArray()));

        List<Map<String, Object>> events = given().auth().oauth2(KeycloakTokens.of("bureau-admin"))
                .get("/api/v1/audit/events?resourceId=" + year + "&size=50").then().statusCode(200).extract().path("items");
        assertTrue(events.stream().anyMatch(event -> "disclosure.prepare".equals(event.get("action"))
                && String.valueOf(event.get("detail")).contains(draft.getString("pdfSha256"))), "prepared, with the digest: " + events);
        assertTrue(events.stream().anyMatch(event -> "disclosure.publish".equals(event.get("action"))
                && String.valueOf(event.get("detail")).contains(draft.getString("contentSha256"))), "published, with the digest: " + events);
    }

    private static long revenueInLedger(int year) throws Throwable {
        OffsetDateTime from = LocalDate.of(year, 1, 1).atStartOfDay(BUREAU).toOffsetDateTime();
        OffsetDateTime to = LocalDate.of(year + 1, 1, 1).atStartOfDay(BUREAU).toOffsetDateTime();
        List<LedgerEntry> entries = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> LedgerEntry.<LedgerEntry>list(
                "account = ?1 and createdAt >= ?2 and createdAt < ?3", LedgerEntry.PUBLIC_FINANCE_REVENUE, from, to)));
        return entries.stream().mapToLong(entry -> entry.creditFen - entry.debitFen).sum();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
