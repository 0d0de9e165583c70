package io.pdx.marketplace.ledger;

import org.junit.jupiter.api.Tag;
import io.pdx.contracts.Grade;
import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.testing.KeycloakTokens;
import io.pdx.marketplace.testing.TestDatasets;
import io.pdx.marketplace.testing.TestOrganizations;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Charges and the double-entry ledger over the real PostgreSQL, with prices and licenses made through the API. */
@Tag("stack") // needs the real stack: ./pdx test starts it; the fast tier leaves it out
@QuarkusTest
class ChargesTest {

    static final String ORG_B = "91110000600037341L";
    private static UUID industryLicense;
    private static UUID governanceLicense;

    @Inject
    Charges charges;

    @BeforeEach
    void activeLicenses() {
        if (industryLicense != null) {
            return;
        }
        TestOrganizations.verified(ORG_B, "京数智能科技有限公司");
        Dataset dataset = TestDatasets.persist("计费测试", Grade.GENERAL, "dept-ledger-test");
        Map<String, Object> product = new HashMap<>();
        product.put("datasetId", dataset.id.toString());
        product.put("modes", List.of("DELIVERY", "SANDBOX"));
        product.put("priceRule", Map.of("kind", "PER_CALL", "unitPriceFen", 50, "capFen", 100));
        product.put("scenarios", List.of("产业分析 / industry analysis"));
        product.put("qualityNotes", "-");
        product.put("holderConsent", Map.of("document", "数源单位同意函（测试） / the department's consent letter (test)"));
        String productId = given().auth().oauth2(KeycloakTokens.of("bureau-admin")).contentType(ContentType.JSON)
                .body(product).post("/api/v1/products").then().statusCode(201).extract().path("id");
        industryLicense = activeLicense(productId, "INDUSTRY_DEVELOPMENT");
        governanceLicense = activeLicense(productId, "PUBLIC_GOVERNANCE");
    }

    /** Applies (industry use goes to review), approves where needed and accepts: an ACTIVE license. */
    static UUID activeLicense(String productId, String purpose) {
        Map<String, Object> application = new HashMap<>();
        application.put("productId", productId);
        application.put("purposeCategory", purpose);
        application.put("purposeText", "计费测试 / billing test");
        application.put("columns", List.of("amount"));
        application.put("mode", "SANDBOX");
        application.put("termStart", "2026-12-01");
        application.put("termEnd", "2027-11-30");
        var created = given().auth().oauth2(KeycloakTokens.of("operator-b")).contentType(ContentType.JSON)
                .body(application).post("/api/v1/licenses").then().statusCode(201).extract();
        String id = created.path("id");
        if ("IN_REVIEW".equals(created.path("state"))) {
            given().auth().oauth2(KeycloakTokens.of("reviewer-1")).contentType(ContentType.JSON)
                    .post("/api/v1/licenses/" + id + "/approve").then().statusCode(200).body("state", equalTo("APPROVED"));
        }
        given().auth().oauth2(KeycloakTokens.of("operator-b")).contentType(ContentType.JSON)
                .post("/api/v1/licenses/" + id + "/accept").then().statusCode(200).body("state", equalTo("ACTIVE"));
        return UUID.fromString(id);
    }

    private static <T> T await(java.util.function.Supplier<io.smallrye.mutiny.Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(work);
    }

    @Test
    void chargesAndAReversal_keepTheLedgerBalanced_andCreditPublicFinance() throws Throwable {
        List<InvoiceLine> lines = new ArrayList<>();
        for (int calls = 1; calls <= 5; calls++) {
            int quantity = calls;
            lines.add(await(() -> charges.charge(industryLicense, Charges.Unit.CALL, quantity, "test")));
        }
        assertEquals(List.of(50L, 100L, 150L, 200L, 250L), lines.stream().map(line -> line.amountFen).toList());
        assertEquals(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(30), lines.get(0).dueOn,
                "payable within the policy's 30 days");
        assertEquals(io.pdx.contracts.ledger.InvoiceStatus.ISSUED, lines.get(0).state());
        String reverse = "/api/v1/invoices/" + lines.get(2).id + "/reverse";
        given().auth().oauth2(KeycloakTokens.of("bureau-admin")).contentType(ContentType.JSON).body(java.util.Map.of("reason", "测试 / test"))
                .post(reverse).then().statusCode(200).body("status", equalTo("REVERSED")).body("reversedBy", org.hamcrest.Matchers.notNullValue());
        given().auth().oauth2(KeycloakTokens.of("bureau-admin")).contentType(ContentType.JSON).body(java.util.Map.of("reason", "测试 / test"))
                .post(reverse).then().statusCode(409);
        given().auth().oauth2(KeycloakTokens.of("bureau-admin")).get("/api/v1/ledger")
                .then().statusCode(200)
                .body("balanced", equalTo(true))
                .body("items.account", hasItem("revenue:public-finance"))
                .body("items.account", hasItem("receivable:" + ORG_B));
        long revenue = await(() -> Panache.withSession(() -> LedgerEntry.getSession().flatMap(session -> session
                .createSelectionQuery("select sum(creditFen) - sum(debitFen) from LedgerEntry where account = :a"
                        + " and invoiceLineId in :lines", Long.class)
                .setParameter("a", LedgerEntry.PUBLIC_FINANCE_REVENUE)
                .setParameter("lines", lines.stream().map(line -> line.id).toList())
                .getSingleResult())));
        assertEquals(50L + 100 + 200 + 250, revenue, "the reversed 150 fen no longer counts");
    }

    @Test
    void publicGovernanceUse_isFree_andPostsNothing() throws Throwable {
        InvoiceLine line = await(() -> charges.charge(governanceLicense, Charges.Unit.CALL, 7, "test"));
        assertEquals(0L, line.amountFen);
        assertNull(line.journalId);
        assertEquals(io.pdx.contracts.ledger.InvoiceStatus.NO_CHARGE, line.state(), "nothing to pay, ever");
        assertNull(line.dueOn);
    }

    @Test
    void aUnitTheProductIsNotPricedIn_isRefused() {
        assertThrows(Charges.ChargeRefused.class, () -> await(() -> charges.charge(industryLicense, Charges.Unit.ROWS, 5000, "test")));
    }

    @Test
    void operatorsSeeOnlyTheirOwnInvoices_andNotTheLedger() throws Throwable {
        await(() -> charges.charge(industryLicense, Charges.Unit.CALL, 1, "test"));
        given().auth().oauth2(KeycloakTokens.of("operator-b")).get("/api/v1/invoices")
                .then().statusCode(200).body("items.organization", everyItem(equalTo(ORG_B))).body("total", greaterThan(0));
        given().auth().oauth2(KeycloakTokens.of("operator-a")).get("/api/v1/invoices")
                .then().statusCode(200).body("items.organization", not(hasItem(ORG_B)));
        // an operator reads its own organization's ledger entries, with totals over those only
        given().auth().oauth2(KeycloakTokens.of("operator-b")).get("/api/v1/ledger").then().statusCode(200)
                .body("items.organization", everyItem(equalTo(ORG_B))).body("total", greaterThan(0));
        given().auth().oauth2(KeycloakTokens.of("operator-a")).get("/api/v1/ledger").then().statusCode(200)
                .body("items.organization", not(hasItem(ORG_B)));
        given().auth().oauth2(KeycloakTokens.of("reviewer-1")).get("/api/v1/ledger").then().statusCode(403);
    }

    /**
     * The append-only trigger, not a CHECK constraint, refuses each edit: every statement here keeps every CHECK
     * (one side per entry, never negative) and keeps the journal balanced, and is tried in a transaction that is
     * rolled back whatever happens, so that a missing trigger fails this test without changing the ledger.
     */
    @Test
    void theDatabaseRefusesToEditOrDeleteAnEntry_evenWhenEveryCheckHolds() throws Throwable {
        InvoiceLine line = await(() -> charges.charge(industryLicense, Charges.Unit.CALL, 2, "test"));
        assertTrue(line.journalId != null, "the charge posted a journal");
        List<String> notRefused = new ArrayList<>();
        for (String statement : List.of(
                "update ledger_entry set memo = 'edited' where journal_id = :journal",
                "update ledger_entry set debit_fen = debit_fen * 2, credit_fen = credit_fen * 2 where journal_id = :journal",
                "delete from ledger_entry where journal_id = :journal")) {
            try {
                Integer changed = await(() -> Panache.withTransaction(() -> Panache.currentTransaction()
                        .invoke(transaction -> transaction.markForRollback())
                        .flatMap(ignored -> Panache.getSession())
                        .flatMap(session -> session.createNativeQuery(statement).setParameter("journal", line.journalId)
                                .executeUpdate())));
                notRefused.add(statement + ": changed " + changed + " entries (rolled back)");
            } catch (Throwable refused) {
                if (!messages(refused).contains("ledger entries are append-only")) {
                    notRefused.add(statement + ": not the append-only trigger's refusal: " + messages(refused));
                }
            }
        }
        assertEquals(List.of(), notRefused, "every edit is refused by the append-only trigger");
        Long entries = await(() -> Panache.withSession(() -> LedgerEntry.count("journalId", line.journalId)));
        assertEquals(2L, entries, "the journal's two entries are still there");
    }

    @Test
    void theDatabaseRefusesToCommitAnUnbalancedJournal() {
        String statement = "insert into ledger_entry (journal_id, account, debit_fen, credit_fen, memo, created_at)"
                + " values (gen_random_uuid(), 'receivable:x', 10, 0, 'one-sided', now())";
        Throwable refused = assertThrows(Throwable.class, () -> await(() -> Panache.withTransaction(() -> Panache.getSession()
                .flatMap(session -> session.createNativeQuery(statement).executeUpdate()))), statement);
        assertTrue(messages(refused).contains("does not balance"), messages(refused));
    }

    /** Every message along the cause chain (the database's own is the innermost). */
    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            all.append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
