package io.pdx.marketplace.product;

import io.pdx.contracts.Grade;
import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.testing.KeycloakTokens;
import io.pdx.marketplace.testing.TestDatasets;
import io.pdx.marketplace.testing.TestOrganizations;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.pdx.marketplace.product.HolderConsentTest.application;
import static io.pdx.marketplace.product.HolderConsentTest.listing;
import static io.pdx.marketplace.product.HolderConsentTest.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Withdrawing a product (下架), against the real policy and database: its department or the bureau withdraws it with a
 * reason (offered as an action to them only); a withdrawn product takes no new application (the license policy's
 * product_not_listed) while a license granted before keeps its term; nobody else may withdraw it, nor twice.
 */
@Tag("stack")
@QuarkusTest
class ProductWithdrawalTest {

    static final String ORG_B = HolderConsentTest.ORG_B;

    @Test
    void theDepartmentWithdrawsItsProduct_newApplicationsAreRefused_grantedLicensesKeepTheirTerm() {
        TestOrganizations.verified(ORG_B, "京数智能科技有限公司");
        Dataset dataset = TestDatasets.persist("下架测试", Grade.GENERAL, "dept-transport");
        String product = post("provider-transport", "/api/v1/products", listing(dataset)).statusCode(201)
                .body("status", equalTo("LISTED")).body("provider", equalTo("dept-transport")).extract().path("id");
        // offered to its department and the bureau admin, not to an operator or another department
        given().auth().oauth2(KeycloakTokens.of("provider-transport")).get("/api/v1/products/" + product).then()
                .statusCode(200).body("actions", contains("withdraw"));
        given().auth().oauth2(KeycloakTokens.of("provider-transport")).queryParam("datasetId", dataset.id.toString())
                .get("/api/v1/products").then().statusCode(200).body("items[0].actions", contains("withdraw"));
        given().auth().oauth2(KeycloakTokens.of("bureau-admin")).get("/api/v1/products/" + product).then()
                .statusCode(200).body("actions", contains("withdraw"));
        given().auth().oauth2(KeycloakTokens.of("operator-b")).get("/api/v1/products/" + product).then()
                .statusCode(200).body("actions", empty());

        String license = post("operator-b", "/api/v1/licenses", application(product, List.of("amount"), "DELIVERY"))
                .statusCode(201).body("state", equalTo("APPROVED")).extract().path("id");
        post("operator-b", "/api/v1/licenses/" + license + "/accept", null).statusCode(200);

        post("operator-b", "/api/v1/products/" + product + "/withdraw", Map.of("reason", "不想要了")).statusCode(403);
        post("provider-market", "/api/v1/products/" + product + "/withdraw", Map.of("reason", "不是我的")).statusCode(403);
        post("provider-transport", "/api/v1/products/" + product + "/withdraw", Map.of("reason", "  ")).statusCode(400)
                .body("errors.field", hasItem("reason"));
        post("provider-transport", "/api/v1/products/" + product + "/withdraw", null).statusCode(400);
        post("provider-transport", "/api/v1/products/" + product + "/withdraw", Map.of("reason", "数据口径调整，暂停供给"))
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"))
                .body("withdrawalReason", equalTo("数据口径调整，暂停供给"))
                .body("withdrawnAt", notNullValue())
                .body("actions", empty());
        post("bureau-admin", "/api/v1/products/" + product + "/withdraw", Map.of("reason", "again")).statusCode(409);
        post("provider-transport", "/api/v1/products/" + java.util.UUID.randomUUID() + "/withdraw", Map.of("reason", "x"))
                .statusCode(404);

        post("operator-b", "/api/v1/licenses", application(product, List.of("amount"), "SANDBOX")).statusCode(201)
                .body("state", equalTo("DENIED"))
                .body("decisionReasons.code", hasItem("product_not_listed"));
        given().auth().oauth2(KeycloakTokens.of("operator-b")).get("/api/v1/licenses/" + license).then()
                .statusCode(200).body("state", equalTo("ACTIVE"));
        given().auth().oauth2(KeycloakTokens.of("bureau-admin")).queryParam("resourceId", product)
                .get("/api/v1/audit/events").then().statusCode(200)
                .body("items.action", hasItem("product.withdraw"));
    }
}
