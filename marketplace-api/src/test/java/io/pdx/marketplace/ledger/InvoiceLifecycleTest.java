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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Invoice lines through their life cycle against the real stack: issued with a due date, overdue once it passes, paid
 * with consecutive numbered receipts and a balanced journal that clears the receivable, reversed only before payment;
 * the bureau administrator alone takes these steps, and the API offers exactly the steps it may take.
 */
@Tag("stack")
@QuarkusTest
@WithTestResource(SandboxRunnerProcess.class) // the demo datasets' manifest is the runner's: it writes target/sandbox-data
class InvoiceLifecycleTest {

    private static final long MONTHLY_FEN = 12_345;

    @Inject
    PeriodBilling billing;
    @Inject
    Invoices invoices;

    @AfterEach
    void resetClock() {
        MovablePlatformClock.reset();
    }

    /** A fresh monthly-priced license of organization A, billed for this month: its one ISSUED line. */
    private String issuedLine() throws Throwable {
        String product = SandboxFixtures.monthlyProduct(SandboxFixtures.dataset("bus_card_swipes"), MONTHLY_FEN);
        String license = SandboxFixtures.activeLicense(product, List.of("route_id"), "SANDBOX", "INDUSTRY_DEVELOPMENT");
        VertxContextSupport.subscribeAndAwait(() -> billing.billDue());
        return given().auth().oauth2(KeycloakTokens.of("bureau-admin")).get("/api/v1/invoices?size=500").then().statusCode(200)
                .extract().path("items.find { it.licenseId == '" + license + "' }.id");
    }

    private static io.restassured.response.ValidatableResponse pay(String user, String line, String reference) {
        Map<String, Object> body = new HashMap<>();
        body.put("reference", reference);
        var request = given().contentType(ContentType.JSON).body(body);
        return (user == null ? request : request.auth().oauth2(KeycloakTokens.of(user))).post("/api/v1/invoices/" + line + "/pay").then();
    }

    private static JsonPath line(String user, String id) {
        return given().auth().oauth2(KeycloakTokens.of(user)).get("/api/v1/invoices?size=500").then().statusCode(200)
                .extract().jsonPath().setRootPath("items.find { it.id == '" + id + "' }");
    }

    @Test
    void aPayment_clearsTheReceivable_withConsecutiveReceipts_andOnlyOnce() throws Throwable {
        String first = issuedLine();
        String second = issuedLine();
        JsonPath issued = line("bureau-admin", first);
        assertEquals("ISSUED", issued.getString("status"));
        assertTrue(issued.getList("actions").containsAll(List.of("pay", "reverse")), "the bureau may pay or reverse: " + issued.getList("actions"));
        assertEquals(List.of(), line("operator-a", first).getList("actions"), "the operator sees its line, and no step to take");

        pay(null, first, "TR-1").statusCode(401);
        pay("operator-a", first, "TR-1").statusCode(403);
        pay("bureau-admin", first, " ").statusCode(400);
        pay("bureau-admin", UUID.randomUUID().toString(), "TR-1").statusCode(404);
        String receipt1 = pay("bureau-admin", first, "国库缴款 TR-20261208-001").statusCode(200).body("status", equalTo("PAID"))
                .extract().path("receiptNo");
        String receipt2 = pay("bureau-admin", second, "国库缴款 TR-20261208-002").statusCode(200).extract().path("receiptNo");
        assertTrue(receipt1.matches("FS\\d{4}-\\d{8}"), receipt1);
        assertEquals(Long.parseLong(receipt1.substring(7)) + 1, Long.parseLong(receipt2.substring(7)), "consecutive: " + receipt1 + ", " + receipt2);
        pay("bureau-admin", first, "again").statusCode(409);
        given().auth().oauth2(KeycloakTokens.of("bureau-admin")).contentType(ContentType.JSON).body(Map.of("reason", "已缴款 / paid"))
                .post("/api/v1/invoices/" + first + "/reverse").then().statusCode(409);
        assertEquals(List.of(), line("bureau-admin", first).getList("actions"), "nothing left to do with a paid line");

        // the receivable of the line is cleared: charge and payment net to zero on it; the ledger balances
        List<LedgerEntry> entries = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() ->
                LedgerEntry.<LedgerEntry>list("invoiceLineId", UUID.fromString(first))));
        long receivable = entries.stream().filter(entry -> entry.account.equals("receivable:" + SandboxFixtures.ORG_A))
                .mapToLong(entry -> entry.debitFen - entry.creditFen).sum();
        assertEquals(0, receivable);
        assertEquals(MONTHLY_FEN, entries.stream().filter(entry -> entry.account.equals(Invoices.TREASURY)).mapToLong(entry -> entry.debitFen).sum());
        given().auth().oauth2(KeycloakTokens.of("bureau-admin")).get("/api/v1/ledger?size=1").then().statusCode(200).body("balanced", equalTo(true));
        List<Map<String, Object>> events = given().auth().oauth2(KeycloakTokens.of("bureau-admin"))
                .get("/api/v1/audit/events?resourceId=" + first + "&size=20").then().statusCode(200).extract().path("items");
        assertTrue(events.stream().anyMatch(event -> "invoice.pay".equals(event.get("action"))
                && String.valueOf(event.get("detail")).contains(receipt1)), "the receipt is on the chain: " + events);
    }

    @Test
    void aLinePastItsDueDate_isOverdue_andStillPayable_butAReversedOneIsNot() throws Throwable {
        String late = issuedLine();
        String reversed = issuedLine();
        given().auth().oauth2(KeycloakTokens.of("bureau-admin")).contentType(ContentType.JSON).body(Map.of("reason", "开错 / billed in error"))
                .post("/api/v1/invoices/" + reversed + "/reverse").then().statusCode(200).body("status", equalTo("REVERSED"));
        pay("bureau-admin", reversed, "TR-x").statusCode(409);

        VertxContextSupport.subscribeAndAwait(() -> invoices.markOverdue());
        assertEquals("ISSUED", line("bureau-admin", late).getString("status"), "not before its due date");
        MovablePlatformClock.advance(Duration.ofDays(31));
        int moved = VertxContextSupport.subscribeAndAwait(() -> invoices.markOverdue());
        assertTrue(moved >= 1, "at least this line fell due: " + moved);
        assertEquals("OVERDUE", line("operator-a", late).getString("status"), "the operator sees it overdue");
        assertEquals("REVERSED", line("bureau-admin", reversed).getString("status"), "a reversed line never falls due");
        assertEquals(0, (int) VertxContextSupport.subscribeAndAwait(() -> invoices.markOverdue()), "run again: nothing more falls due");
        pay("bureau-admin", late, "逾期缴款 / paid late").statusCode(200).body("status", equalTo("PAID"));
        List<String> actions = given().auth().oauth2(KeycloakTokens.of("bureau-admin")).get("/api/v1/audit/events?resourceId=" + late + "&size=20")
                .then().statusCode(200).extract().path("items.action");
        assertTrue(actions.containsAll(List.of("ledger.charge", "invoice.fall_due", "invoice.pay")), actions.toString());
    }
}
