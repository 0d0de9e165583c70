package io.pdx.marketplace.licensing;

import org.junit.jupiter.api.Tag;
import io.pdx.contracts.Grade;
import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.testing.KeycloakTokens;
import io.pdx.marketplace.testing.TestDatasets;
import io.pdx.marketplace.testing.TestOrganizations;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Licensing end to end: OPA's pdx.license decides, pdx.authz guards, tokens come from the real
 * Keycloak (operator-b's org_id is organization B's 统一社会信用代码), state lives in PostgreSQL.
 */
@Tag("stack") // needs the real stack: ./pdx test starts it; the fast tier leaves it out
@QuarkusTest
class LicenseResourceTest {

    static final String ORG_B = "91110000600037341L";
    private static String generalProduct;
    private static String importantProduct;

    @BeforeEach
    void productsAndAVerifiedOrganization() {
        if (generalProduct != null) {
            return;
        }
        TestOrganizations.verified(ORG_B, "京数智能科技有限公司");
        Dataset general = TestDatasets.persist("授权一般", Grade.GENERAL, "dept-license-test");
        Dataset important = TestDatasets.persist("授权重要", Grade.IMPORTANT, "dept-license-test");
        generalProduct = product(general, List.of("DELIVERY", "SANDBOX"));
        importantProduct = product(important, List.of("SANDBOX"));
    }

    static String product(Dataset dataset, List<String> modes) {
        Map<String, Object> body = new HashMap<>();
        body.put("datasetId", dataset.id.toString());
        body.put("modes", modes);
        body.put("priceRule", Map.of("kind", "FREE", "unitPriceFen", 0));
        body.put("scenarios", List.of("城市治理 / city governance"));
        body.put("qualityNotes", "测试 / test");
        body.put("holderConsent", Map.of("document", "数源单位同意函（测试） / the department's consent letter (test)"));
        return given().auth().oauth2(KeycloakTokens.of("bureau-admin")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/products").then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> application(String productId, List<String> columns, String mode) {
        Map<String, Object> body = new HashMap<>();
        body.put("productId", productId);
        body.put("purposeCategory", "PUBLIC_GOVERNANCE");
        body.put("purposeText", "按区县统计，用于营商环境监测 / district statistics for business-climate monitoring");
        body.put("columns", columns);
        body.put("mode", mode);
        body.put("termStart", "2026-12-01");
        body.put("termEnd", "2027-11-30");
        body.put("expectedVolume", 10000);
        return body;
    }

    static ValidatableResponse post(String user, String path, Object body) {
        var request = given().auth().oauth2(KeycloakTokens.of(user)).contentType(ContentType.JSON);
        return (body == null ? request : request.body(body)).post(path).then();
    }

    static String apply(Map<String, Object> application, String expectedState) {
        return post("operator-b", "/api/v1/licenses", application)
                .statusCode(201).body("state", equalTo(expectedState)).extract().path("id");
    }

    @Test
    void lowRiskGeneralApplication_isApprovedAtOnce_withAnAgreementAndItsHash() throws Exception {
        String id = post("operator-b", "/api/v1/licenses", application(generalProduct, List.of("amount"), "DELIVERY"))
                .statusCode(201)
                .body("state", equalTo("APPROVED"))
                .body("decisionOutcome", equalTo("AUTO_APPROVE"))
                .body("decisionId", notNullValue())
                .body("contractSha256", matchesPattern("[0-9a-f]{64}"))
                .extract().path("id");
        String text = given().auth().oauth2(KeycloakTokens.of("operator-b")).get("/api/v1/licenses/" + id + "/contract")
                .then().statusCode(200).body(containsString("京数智能科技有限公司")).body(containsString("数据局"))
                .extract().asString();
        String hash = given().auth().oauth2(KeycloakTokens.of("operator-b")).get("/api/v1/licenses/" + id)
                .then().extract().path("contractSha256");
        assertEquals(hash, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void acceptedLicense_isActive_thenSuspendedResumedRevoked_andNothingAfterRevocation() {
        String id = apply(application(generalProduct, List.of("amount"), "SANDBOX"), "APPROVED");
        post("operator-b", "/api/v1/licenses/" + id + "/accept", null).statusCode(200)
                .body("state", equalTo("ACTIVE")).body("acceptedBy", equalTo("operator-b"));
        post("reviewer-1", "/api/v1/licenses/" + id + "/suspend", null).statusCode(403);
        post("bureau-admin", "/api/v1/licenses/" + id + "/suspend", null).statusCode(200).body("state", equalTo("SUSPENDED"));
        post("bureau-admin", "/api/v1/licenses/" + id + "/resume", null).statusCode(200).body("state", equalTo("ACTIVE"));
        post("bureau-admin", "/api/v1/licenses/" + id + "/revoke", null).statusCode(200).body("state", equalTo("REVOKED"));
        post("bureau-admin", "/api/v1/licenses/" + id + "/resume", null).statusCode(409)
                .body("type", equalTo("https://pdx.example/problems/illegal-transition"));
    }

    @Test
    void askingForAnIdentifierColumn_goesToReview_andOneReviewerApprovesGeneralData() {
        String id = post("operator-b", "/api/v1/licenses", application(generalProduct, List.of("person_id", "amount"), "DELIVERY"))
                .statusCode(201)
                .body("state", equalTo("IN_REVIEW"))
                .body("decisionReasons.code", hasItem("identifier_columns_requested"))
                .extract().path("id");
        post("reviewer-1", "/api/v1/licenses/" + id + "/approve", null).statusCode(200).body("state", equalTo("APPROVED"));
    }

    @Test
    void importantData_needsTwoDifferentReviewers() {
        String id = apply(application(importantProduct, List.of("amount"), "SANDBOX"), "IN_REVIEW");
        post("reviewer-1", "/api/v1/licenses/" + id + "/approve", null).statusCode(200)
                .body("state", equalTo("IN_REVIEW")).body("reviewersRequired", equalTo(2));
        post("reviewer-1", "/api/v1/licenses/" + id + "/approve", null).statusCode(409)
                .body("type", equalTo("https://pdx.example/problems/already-approved"));
        post("reviewer-2", "/api/v1/licenses/" + id + "/approve", null).statusCode(200)
                .body("state", equalTo("APPROVED")).body("approvedBy", hasItems("reviewer-1", "reviewer-2"));
    }

    /**
     * The actions each caller is offered follow the state, its role, its organization and the four eyes — as the
     * transitions themselves answer: what is offered succeeds, what is not is refused.
     */
    @Test
    void theActionsOffered_areTheTransitionsEachCallerMayTakeNow() {
        String id = apply(application(importantProduct, List.of("amount"), "SANDBOX"), "IN_REVIEW");
        String license = "/api/v1/licenses/" + id;
        given().auth().oauth2(KeycloakTokens.of("reviewer-1")).get(license).then().statusCode(200)
                .body("actions", equalTo(List.of("approve", "reject")));
        given().auth().oauth2(KeycloakTokens.of("operator-b")).get(license).then().statusCode(200)
                .body("actions", equalTo(List.of()));
        given().auth().oauth2(KeycloakTokens.of("reviewer-1")).queryParam("state", "IN_REVIEW").get("/api/v1/licenses")
                .then().statusCode(200).body("items.find { it.id == '" + id + "' }.actions", equalTo(List.of("approve", "reject")));
        // a reviewer's one approval is used up: approve is no longer offered to it, and is refused
        post("reviewer-1", license + "/approve", null).statusCode(200).body("actions", equalTo(List.of("reject")));
        post("reviewer-1", license + "/approve", null).statusCode(409);
        given().auth().oauth2(KeycloakTokens.of("reviewer-2")).get(license).then().statusCode(200)
                .body("actions", equalTo(List.of("approve", "reject")));
        post("reviewer-2", license + "/approve", null).statusCode(200).body("state", equalTo("APPROVED"))
                .body("actions", equalTo(List.of()));
        given().auth().oauth2(KeycloakTokens.of("operator-b")).get(license).then().statusCode(200)
                .body("actions", equalTo(List.of("accept")));
        post("operator-b", license + "/accept", null).statusCode(200).body("state", equalTo("ACTIVE"))
                .body("actions", equalTo(List.of()));
        given().auth().oauth2(KeycloakTokens.of("bureau-admin")).get(license).then().statusCode(200)
                .body("actions", equalTo(List.of("suspend", "revoke")));
    }

    /** Another organization's license: the transition's one question answers 404, as for a license that does not exist. */
    @Test
    void aTransitionOnAnotherOrganizationsLicense_is404_andOnOnesOwnWithoutTheRight_403() {
        String id = apply(application(importantProduct, List.of("amount"), "SANDBOX"), "IN_REVIEW");
        post("operator-a", "/api/v1/licenses/" + id + "/approve", null).statusCode(404);
        post("operator-a", "/api/v1/licenses/" + id + "/accept", null).statusCode(404);
        post("operator-b", "/api/v1/licenses/" + id + "/approve", null).statusCode(403);
    }

    @Test
    void importantDataForDelivery_isDenied_withReasonsInBothLanguages() {
        post("operator-b", "/api/v1/licenses", application(importantProduct, List.of("amount"), "DELIVERY"))
                .statusCode(201)
                .body("state", equalTo("DENIED"))
                .body("decisionReasons.code", hasItem("mode_not_allowed_for_grade"))
                .body("decisionReasons[0].message_zh", notNullValue())
                .body("decisionReasons[0].message_en", notNullValue());
    }

    @Test
    void unverifiedOrganization_isDenied() {
        TestOrganizations.unverifiedDuring("91350100M000100Y43", () ->
                post("operator-a", "/api/v1/licenses", application(generalProduct, List.of("amount"), "DELIVERY"))
                        .statusCode(201)
                        .body("state", equalTo("DENIED"))
                        .body("decisionReasons.code", hasItem("org_unverified")));
    }

    @Test
    void rejection_needsAReason_andEndsTheApplication() {
        String id = apply(application(generalProduct, List.of("person_id"), "DELIVERY"), "IN_REVIEW");
        post("reviewer-1", "/api/v1/licenses/" + id + "/reject", Map.of("reason", " ")).statusCode(400)
                .body("errors.field", hasItem("reason"));
        post("reviewer-1", "/api/v1/licenses/" + id + "/reject", Map.of("reason", "用途与字段不符 / purpose does not need ids"))
                .statusCode(200).body("state", equalTo("REJECTED"));
        post("reviewer-2", "/api/v1/licenses/" + id + "/approve", null).statusCode(409);
    }

    @Test
    void anotherOrganizationsLicense_isNotFound() {
        String id = apply(application(generalProduct, List.of("amount"), "DELIVERY"), "APPROVED");
        given().auth().oauth2(KeycloakTokens.of("operator-a")).get("/api/v1/licenses/" + id).then().statusCode(404);
        post("operator-a", "/api/v1/licenses/" + id + "/accept", null).statusCode(404);
        given().get("/api/v1/licenses/" + id).then().statusCode(401);
        given().auth().oauth2(KeycloakTokens.of("operator-a")).get("/api/v1/licenses")
                .then().statusCode(200).body("items.id", org.hamcrest.Matchers.not(hasItem(id)));
    }

    @Test
    void badApplication_is400NamingTheFields() {
        Map<String, Object> bad = application(generalProduct, List.of(), "DELIVERY");
        bad.put("termEnd", "2026-01-01");
        bad.put("purposeText", "");
        post("operator-b", "/api/v1/licenses", bad).statusCode(400)
                .body("errors.field", hasItems("columns", "termEnd", "purposeText"));
    }

    @Inject
    LicenseExpiry expiry;

    @Test
    void scheduler_expiresActiveLicensesWhoseTermHasEnded_andLeavesCurrentOnes() throws Throwable {
        String ended = apply(application(generalProduct, List.of("amount"), "SANDBOX"), "APPROVED");
        String current = apply(application(generalProduct, List.of("amount"), "SANDBOX"), "APPROVED");
        post("operator-b", "/api/v1/licenses/" + ended + "/accept", null).statusCode(200);
        post("operator-b", "/api/v1/licenses/" + current + "/accept", null).statusCode(200);
        // the first one's term ended yesterday (written directly: the API never accepts a past term)
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> License.<License>findById(UUID.fromString(ended))
                .invoke(license -> {
                    license.termStart = LocalDate.now().minusDays(30);
                    license.termEnd = LocalDate.now(LicenseExpiry.BUREAU_ZONE).minusDays(1);
                })));
        int expired = VertxContextSupport.subscribeAndAwait(() -> expiry.expireDue());
        assertTrue(expired >= 1);
        given().auth().oauth2(KeycloakTokens.of("operator-b")).get("/api/v1/licenses/" + ended)
                .then().body("state", equalTo("EXPIRED"));
        given().auth().oauth2(KeycloakTokens.of("operator-b")).get("/api/v1/licenses/" + current)
                .then().body("state", equalTo("ACTIVE"));
    }

    @Test
    void concurrentApprovals_ofOneApplication_exactlyOneWins() {
        String id = apply(application(generalProduct, List.of("person_id"), "DELIVERY"), "IN_REVIEW");
        String reviewer1 = KeycloakTokens.of("reviewer-1");
        String reviewer2 = KeycloakTokens.of("reviewer-2");
        var first = CompletableFuture.supplyAsync(() -> given().auth().oauth2(reviewer1).contentType(ContentType.JSON)
                .post("/api/v1/licenses/" + id + "/approve").statusCode());
        var second = CompletableFuture.supplyAsync(() -> given().auth().oauth2(reviewer2).contentType(ContentType.JSON)
                .post("/api/v1/licenses/" + id + "/approve").statusCode());
        List<Integer> statuses = List.of(first.join(), second.join());
        assertEquals(1, statuses.stream().filter(status -> status == 200).count(), statuses.toString());
        assertEquals(1, statuses.stream().filter(status -> status == 409).count(), statuses.toString());
        given().auth().oauth2(KeycloakTokens.of("operator-b")).get("/api/v1/licenses/" + id)
                .then().body("state", equalTo("APPROVED")).body("approvedBy.size()", equalTo(1));
    }
}
