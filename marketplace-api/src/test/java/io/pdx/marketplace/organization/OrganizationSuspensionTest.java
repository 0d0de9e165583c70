package io.pdx.marketplace.organization;

import io.pdx.contracts.Grade;
import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.testing.KeycloakTokens;
import io.pdx.marketplace.testing.TestDatasets;
import io.pdx.marketplace.testing.TestOrganizations;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A suspended organization is suspended: every operation of its members and service accounts is refused with a 403
 * naming the suspension (zh and en), public catalog reads included, until the bureau reinstates it; the organization's
 * state reaches OPA in the input of every authorization. Organization B (operator-b, developer-b, dev-org-b) is
 * suspended here and made VERIFIED again after each test.
 */
@Tag("stack") // needs the real stack: ./pdx test starts it; the fast tier leaves it out
@QuarkusTest
class OrganizationSuspensionTest {

    static final String ORG_B = "91110000600037341L";

    private String product;

    @BeforeEach
    void organizationBIsVerifiedWithAProduct() {
        TestOrganizations.verified(ORG_B, "京数科技有限公司");
        Dataset dataset = TestDatasets.persist("停牌测试", Grade.GENERAL, "dept-transport", io.pdx.contracts.catalog.RegistrationStatus.REGISTERED,
                d -> d.dataFile = "bus_card_swipes.parquet");
        Map<String, Object> body = new HashMap<>();
        body.put("datasetId", dataset.id.toString());
        body.put("modes", List.of("DELIVERY", "SANDBOX"));
        body.put("priceRule", Map.of("kind", "FREE", "unitPriceFen", 0));
        body.put("scenarios", List.of("测试 / test"));
        body.put("qualityNotes", "合成数据 / synthetic");
        body.put("holderConsent", Map.of("document", "数源单位同意函（测试） / the department's consent letter (test)"));
        product = post("bureau-admin", "/api/v1/products", body).statusCode(201).extract().path("id");
    }

    @AfterEach
    void organizationBIsReinstated() {
        TestOrganizations.verified(ORG_B, "京数科技有限公司");
    }

    @Test
    void suspendedOrganization_isRefusedEveryOperation_untilReinstated() {
        String approved = apply("operator-b").statusCode(201).body("state", equalTo("APPROVED")).extract().path("id");
        given().auth().oauth2(KeycloakTokens.of("operator-b")).get("/api/v1/licenses").then().statusCode(200);

        post("bureau-admin", "/api/v1/organizations/" + ORG_B + "/suspend", null).statusCode(200)
                .body("status", equalTo("SUSPENDED"));

        String operator = KeycloakTokens.of("operator-b");
        String developer = KeycloakTokens.of("developer-b");
        String serviceAccount = KeycloakTokens.ofServiceAccount("dev-org-b");
        suspended(given().auth().oauth2(operator).get("/api/v1/licenses").then());
        suspended(given().auth().oauth2(operator).get("/api/v1/licenses/" + approved).then());
        suspended(post("operator-b", "/api/v1/licenses/" + approved + "/accept", null));
        suspended(apply("operator-b"));
        suspended(given().auth().oauth2(operator).get("/api/v1/organizations/" + ORG_B).then());
        suspended(given().auth().oauth2(operator).get("/api/v1/ledger").then());
        suspended(given().auth().oauth2(operator).get("/api/v1/datasets").then());
        suspended(given().auth().oauth2(operator).get("/api/v1/products").then());
        suspended(given().auth().oauth2(developer).get("/api/v1/products/" + product + "/delivery?format=json").then());
        suspended(given().auth().oauth2(developer).contentType(ContentType.JSON)
                .body(Map.of("licenseId", approved, "sql", "SELECT count(*) AS n FROM bus_card_swipes"))
                .post("/api/v1/sandbox/jobs").then());
        suspended(given().auth().oauth2(developer).get("/api/v1/sandbox/jobs").then());
        suspended(given().auth().oauth2(serviceAccount).get("/api/v1/sandbox/jobs").then());
        suspended(given().auth().oauth2(serviceAccount).get("/api/v1/licenses").then());
        // the license is still APPROVED: the refused accept changed nothing
        given().auth().oauth2(KeycloakTokens.of("bureau-admin")).get("/api/v1/licenses/" + approved).then().statusCode(200)
                .body("state", equalTo("APPROVED"));
        // the public and other organizations are unaffected
        given().get("/api/v1/datasets").then().statusCode(200);
        given().auth().oauth2(KeycloakTokens.of("operator-a")).get("/api/v1/licenses").then().statusCode(200);

        post("bureau-admin", "/api/v1/organizations/" + ORG_B + "/reinstate", null).statusCode(200)
                .body("status", equalTo("VERIFIED"));
        given().auth().oauth2(operator).get("/api/v1/licenses").then().statusCode(200);
        post("operator-b", "/api/v1/licenses/" + approved + "/accept", null).statusCode(200).body("state", equalTo("ACTIVE"));
    }

    @Test
    void reapplication_afterTheBureauSuspendedOrRevokedALicenseOnTheProduct_goesToReview() {
        String first = apply("operator-b").statusCode(201).body("state", equalTo("APPROVED")).extract().path("id");
        post("operator-b", "/api/v1/licenses/" + first + "/accept", null).statusCode(200);
        post("bureau-admin", "/api/v1/licenses/" + first + "/suspend", null).statusCode(200).body("state", equalTo("SUSPENDED"));
        apply("operator-b").statusCode(201).body("state", equalTo("IN_REVIEW"))
                .body("decisionOutcome", equalTo("REVIEW"))
                .body("decisionReasons.code", equalTo(List.of("earlier_license_suspended_or_revoked")));
        post("bureau-admin", "/api/v1/licenses/" + first + "/revoke", null).statusCode(200).body("state", equalTo("REVOKED"));
        apply("operator-b").statusCode(201).body("state", equalTo("IN_REVIEW"))
                .body("decisionReasons.code", equalTo(List.of("earlier_license_suspended_or_revoked")));
    }

    private static void suspended(ValidatableResponse response) {
        response.statusCode(403).contentType("application/problem+json")
                .body("reasons.code", equalTo(List.of("organization_suspended")))
                .body("reasons[0].message_zh", containsString("暂停"))
                .body("reasons[0].message_en", containsString("suspended"))
                .body("detail", containsString("organization_suspended"));
    }

    private ValidatableResponse apply(String user) {
        Map<String, Object> application = new HashMap<>();
        application.put("productId", product);
        application.put("purposeCategory", "PUBLIC_GOVERNANCE");
        application.put("purposeText", "停牌测试 / suspension test");
        application.put("columns", List.of("amount"));
        application.put("mode", "DELIVERY");
        application.put("termStart", LocalDate.now().toString());
        application.put("termEnd", LocalDate.now().plusMonths(6).toString());
        return post(user, "/api/v1/licenses", application);
    }

    private static ValidatableResponse post(String user, String path, Object body) {
        var request = given().auth().oauth2(KeycloakTokens.of(user)).contentType(ContentType.JSON);
        return (body == null ? request : request.body(body)).post(path).then();
    }
}
