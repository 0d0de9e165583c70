package io.pdx.marketplace.ledger;

import io.pdx.marketplace.sandbox.SandboxFixtures;
import io.pdx.marketplace.testing.KeycloakTokens;
import io.pdx.marketplace.time.MovablePlatformClock;
import io.pdx.marketplace.testing.SandboxRunnerProcess;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PER_PERIOD prices are billed each period (issue 24): one invoice line per license and month begun since it came into
 * force, posted to the ledger at the product's price, free for a free purpose; two billing runs at once, or one run again,
 * bill nothing twice. Against the real PostgreSQL, OPA and Keycloak; the platform's clock is moved forward two months.
 */
@Tag("stack")
@QuarkusTest
@WithTestResource(SandboxRunnerProcess.class) // the demo datasets' manifest is the runner's: it writes target/sandbox-data
class PeriodBillingTest {

    private static final long MONTHLY_FEN = 12_345;

    @Inject
    PeriodBilling billing;

    @AfterEach
    void resetClock() {
        MovablePlatformClock.reset();
    }

    private static List<InvoiceLine> lines(String license) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> InvoiceLine.<InvoiceLine>list(
                "licenseId = ?1 order by billingPeriod", UUID.fromString(license))));
    }

    private static List<LedgerEntry> entries(UUID journal) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> LedgerEntry.<LedgerEntry>list(
                "journalId", journal)));
    }

    @Test
    void eachMonthBegun_isBilledOnce_atItsPrice_evenWithTwoRunsAtOnce() throws Throwable {
        String product = SandboxFixtures.monthlyProduct(SandboxFixtures.dataset("bus_card_swipes"), MONTHLY_FEN);
        String license = SandboxFixtures.activeLicense(product, List.of("route_id", "fare_cents"), "SANDBOX", "INDUSTRY_DEVELOPMENT");

        VertxContextSupport.subscribeAndAwait(() -> billing.billDue());
        List<InvoiceLine> first = lines(license);
        assertEquals(1, first.size(), "the month it came into force, in advance");
        String thisMonth = first.get(0).billingPeriod;
        assertTrue(thisMonth.matches("\\d{4}-\\d{2}"), thisMonth);

        MovablePlatformClock.advance(Duration.ofDays(62)); // two months later: two more periods have begun
        int written;
        // two runs at once, each on a context of its own (as two instances would be)
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Callable<Integer> run = () -> {
                try {
                    return VertxContextSupport.subscribeAndAwait(() -> billing.billDue());
                } catch (Throwable failed) {
                    throw new IllegalStateException(failed);
                }
            };
            List<java.util.concurrent.Future<Integer>> runs = two.invokeAll(List.of(run, run));
            written = runs.get(0).get() + runs.get(1).get();
        } finally {
            two.shutdownNow();
        }
        VertxContextSupport.subscribeAndAwait(() -> billing.billDue()); // and once more: nothing left to bill
        List<InvoiceLine> lines = lines(license);
        assertEquals(3, lines.size(), "three months, each once: " + lines.stream().map(line -> line.billingPeriod).toList());
        assertTrue(written >= 2, "the two runs together wrote the two new months (and perhaps other licenses'): " + written);
        assertEquals(3, lines.stream().map(line -> line.billingPeriod).distinct().count());
        for (InvoiceLine line : lines) {
            assertEquals("PERIOD", line.unit);
            assertEquals(1, line.quantity);
            assertEquals(MONTHLY_FEN, line.amountFen);
            assertNotNull(line.journalId, "posted to the ledger");
            List<LedgerEntry> journal = entries(line.journalId);
            assertEquals(2, journal.size());
            assertEquals(journal.stream().mapToLong(entry -> entry.debitFen).sum(), journal.stream().mapToLong(entry -> entry.creditFen).sum(),
                    "a balanced journal");
            assertEquals(MONTHLY_FEN, journal.stream().mapToLong(entry -> entry.creditFen).sum());
        }
        // the operator sees them among its invoices, each with its period
        List<String> periods = given().auth().oauth2(KeycloakTokens.of("operator-a")).get("/api/v1/invoices?size=500").then()
                .statusCode(200).extract().path("items.findAll { it.licenseId == '" + license + "' }.billingPeriod");
        assertEquals(3, periods.size());
        assertTrue(periods.contains(thisMonth));
    }

    @Test
    void aChargeIsReversed_byTheBureauOnly_once_withTheOppositeJournal_andTheReasonInTheAuditChain() throws Throwable {
        String product = SandboxFixtures.monthlyProduct(SandboxFixtures.dataset("bus_card_swipes"), MONTHLY_FEN);
        String license = SandboxFixtures.activeLicense(product, List.of("route_id"), "SANDBOX", "INDUSTRY_DEVELOPMENT");
        VertxContextSupport.subscribeAndAwait(() -> billing.billDue());
        InvoiceLine line = lines(license).get(0);
        String path = "/api/v1/invoices/" + line.id + "/reverse";
        Map<String, Object> body = Map.of("reason", "开票有误，冲销 / billed in error");

        given().contentType(ContentType.JSON).body(body).post(path).then().statusCode(401);
        given().auth().oauth2(KeycloakTokens.of("operator-a")).contentType(ContentType.JSON).body(body).post(path).then().statusCode(403);
        given().auth().oauth2(KeycloakTokens.of("bureau-admin")).contentType(ContentType.JSON).body(Map.of("reason", " "))
                .post(path).then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(KeycloakTokens.of("bureau-admin")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/invoices/" + UUID.randomUUID() + "/reverse").then().statusCode(404).contentType("application/problem+json");
        String reversal = given().auth().oauth2(KeycloakTokens.of("bureau-admin")).contentType(ContentType.JSON).body(body)
                .post(path).then().statusCode(200).extract().path("reversedBy");
        assertNotNull(reversal);
        given().auth().oauth2(KeycloakTokens.of("bureau-admin")).contentType(ContentType.JSON).body(body)
                .post(path).then().statusCode(409).contentType("application/problem+json");

        // the charge stays as it was; the reversing journal debits revenue and credits the receivable by the same amount
        InvoiceLine after = lines(license).get(0);
        assertEquals(line.amountFen, after.amountFen);
        assertEquals(line.journalId, after.journalId);
        List<LedgerEntry> opposite = entries(UUID.fromString(reversal));
        assertEquals(2, opposite.size());
        assertEquals(MONTHLY_FEN, opposite.stream().mapToLong(entry -> entry.debitFen).sum());
        assertEquals(MONTHLY_FEN, opposite.stream().mapToLong(entry -> entry.creditFen).sum());
        assertTrue(opposite.stream().allMatch(entry -> line.journalId.equals(entry.reversesJournal)), "linked to the charge");
        given().auth().oauth2(KeycloakTokens.of("bureau-admin")).get("/api/v1/ledger?size=1").then().statusCode(200)
                .body("balanced", org.hamcrest.Matchers.equalTo(true));
        List<Map<String, Object>> events = given().auth().oauth2(KeycloakTokens.of("bureau-admin"))
                .get("/api/v1/audit/events?resourceId=" + line.id + "&size=50").then().statusCode(200).extract().path("items");
        assertTrue(events.stream().anyMatch(event -> "invoice.reverse".equals(event.get("action"))
                && String.valueOf(event.get("detail")).contains("billed in error")), "the reason is in the chain: " + events);
        // billing again does not bill the reversed period anew: a reversal is a correction, not a missing period
        VertxContextSupport.subscribeAndAwait(() -> billing.billDue());
        assertEquals(1, lines(license).size());
    }

    @Test
    void aFreePurpose_isBilledAtZero_withoutAJournal() throws Throwable {
        String product = SandboxFixtures.monthlyProduct(SandboxFixtures.dataset("bus_card_swipes"), MONTHLY_FEN);
        String license = SandboxFixtures.activeLicense(product, List.of("route_id"), "SANDBOX", "PUBLIC_WELFARE");
        VertxContextSupport.subscribeAndAwait(() -> billing.billDue());
        List<InvoiceLine> lines = lines(license);
        assertEquals(1, lines.size());
        assertEquals(0, lines.get(0).amountFen);
        assertNull(lines.get(0).journalId);
    }
}
