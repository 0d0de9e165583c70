package io.pdx.marketplace.ledger;

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
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 结账 against the real stack: last month is closed by the bureau admin only, once, with figures equal to the ledger's;
 * this month is not; the database refuses a posting dated in the closed month; a correction goes into the open month
 * and leaves the closed month's figures and fingerprint as they were.
 */
@Tag("stack")
@QuarkusTest
@WithTestResource(SandboxRunnerProcess.class) // the demo datasets' manifest is the runner's: it writes target/sandbox-data
class LedgerCloseTest {

    private static final ZoneId BUREAU = ZoneId.of("Asia/Shanghai");

    @Inject
    Charges charges;

    @AfterEach
    void resetClock() {
        MovablePlatformClock.reset();
    }

    private static void backInto(YearMonth month) {
        MovablePlatformClock.advance(Duration.between(OffsetDateTime.now(), month.atDay(15).atTime(12, 0).atZone(BUREAU).toOffsetDateTime()));
    }

    private static List<LedgerEntry> entriesOf(YearMonth month) throws Throwable {
        OffsetDateTime from = month.atDay(1).atStartOfDay(BUREAU).toOffsetDateTime();
        OffsetDateTime to = month.plusMonths(1).atDay(1).atStartOfDay(BUREAU).toOffsetDateTime();
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> LedgerEntry.<LedgerEntry>list(
                "createdAt >= ?1 and createdAt < ?2 order by seq", from, to)));
    }

    @Test
    void lastMonth_closesOnce_withTheLedgersFigures_andTakesNoPostingAfter() throws Throwable {
        YearMonth thisMonth = YearMonth.now(BUREAU);
        YearMonth lastMonth = thisMonth.minusMonths(1);
        String product = SandboxFixtures.product(SandboxFixtures.dataset("bus_card_swipes"), List.of("SANDBOX"), "PER_CALL", 25);
        backInto(lastMonth);
        UUID license = UUID.fromString(SandboxFixtures.activeLicense(product, List.of("route_id"), "SANDBOX", "INDUSTRY_DEVELOPMENT"));
        InvoiceLine charged = VertxContextSupport.subscribeAndAwait(() -> charges.charge(license, Charges.Unit.CALL, 3, "test"));
        assertEquals(75, charged.amountFen);
        MovablePlatformClock.reset();

        String close = "/api/v1/ledger/periods/" + lastMonth + "/close";
        given().post(close).then().statusCode(401);
        given().auth().oauth2(KeycloakTokens.of("operator-a")).post(close).then().statusCode(403);
        given().auth().oauth2(KeycloakTokens.of("regulator-1")).post(close).then().statusCode(403);
        given().auth().oauth2(KeycloakTokens.of("bureau-admin")).post("/api/v1/ledger/periods/" + thisMonth + "/close").then()
                .statusCode(409).body("type", containsString("period-not-over"));
        given().auth().oauth2(KeycloakTokens.of("bureau-admin")).post("/api/v1/ledger/periods/2026-13/close").then().statusCode(400);

        List<LedgerEntry> before = entriesOf(lastMonth);
        JsonPath closed = given().auth().oauth2(KeycloakTokens.of("bureau-admin")).post(close).then().statusCode(200).extract().jsonPath();
        assertEquals(before.size(), closed.getLong("entries"));
        assertEquals(before.stream().mapToLong(entry -> entry.debitFen).sum(), closed.getLong("debitFen"));
        assertEquals(closed.getLong("debitFen"), closed.getLong("creditFen"), "a month of balanced journals balances");
        long revenue = before.stream().filter(entry -> entry.account.equals(LedgerEntry.PUBLIC_FINANCE_REVENUE))
                .mapToLong(entry -> entry.creditFen - entry.debitFen).sum();
        assertEquals(revenue, closed.getLong("revenueFen"));
        assertTrue(revenue >= 75, "this test's charge is in it: " + revenue);
        assertEquals(LedgerPeriods.figures(lastMonth, before).digest, closed.getString("digest"));
        given().auth().oauth2(KeycloakTokens.of("bureau-admin")).post(close).then().statusCode(409).body("type", containsString("period-closed"));

        // the closed month takes no posting, whoever tries
        backInto(lastMonth);
        assertThrows(Throwable.class, () -> VertxContextSupport.subscribeAndAwait(() -> charges.charge(license, Charges.Unit.CALL, 1, "test")));
        MovablePlatformClock.reset();

        // a correction is a journal of this month; the closed month's figures stay as they were
        given().auth().oauth2(KeycloakTokens.of("bureau-admin")).contentType(ContentType.JSON).body(Map.of("reason", "结账后更正 / corrected after the close"))
                .post("/api/v1/invoices/" + charged.id + "/reverse").then().statusCode(200);
        List<LedgerEntry> after = entriesOf(lastMonth);
        assertEquals(closed.getString("digest"), LedgerPeriods.figures(lastMonth, after).digest, "the closed month is as it was closed");
        List<Map<String, Object>> periods = given().auth().oauth2(KeycloakTokens.of("regulator-1")).get("/api/v1/ledger/periods").then()
                .statusCode(200).extract().path("");
        assertEquals(lastMonth.toString(), periods.get(0).get("period"));
        given().auth().oauth2(KeycloakTokens.of("operator-a")).get("/api/v1/ledger/periods").then().statusCode(403);
    }
}
