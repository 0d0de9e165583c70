package io.pdx.marketplace.product;

import io.pdx.contracts.Grade;
import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.testing.KeycloakTokens;
import io.pdx.marketplace.testing.TestDatasets;
import io.pdx.marketplace.testing.TestOrganizations;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * The holding department's consent (数源单位同意) to a listing, against the real policy: a product the bureau lists
 * without it is listed to nobody but the department and the bureau, and licensed to nobody; the department consents
 * (for every operator or named ones), once; a department listing its own data consents by doing so.
 */
@Tag("stack")
@QuarkusTest
class HolderConsentTest {

    static final String ORG_A = "91350100M000100Y43";
    static final String ORG_B = "91110000600037341L";

    static ValidatableResponse post(String user, String path, Object body) {
        var request = given().auth().oauth2(KeycloakTokens.of(user)).contentType(ContentType.JSON);
        return (body == null ? request : request.body(body)).post(path).then();
    }

    static Map<String, Object> listing(Dataset dataset) {
        Map<String, Object> body = new HashMap<>();
        body.put("datasetId", dataset.id.toString());
        body.put("modes", List.of("DELIVERY"));
        body.put("priceRule", Map.of("kind", "FREE", "unitPriceFen", 0));
        body.put("scenarios", List.of("城市治理 / city governance"));
        body.put("qualityNotes", "测试 / test");
        return body;
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
        return body;
    }

    @Test
    void withoutConsent_aProductIsNotListed_norLicensed_untilItsDepartmentConsents_once() {
        TestOrganizations.verified(ORG_B, "京数智能科技有限公司");
        // organization A is left as it is (LicenseResourceTest counts on it unverified): its refusal names the consent anyway
        Dataset dataset = TestDatasets.persist("同意测试", Grade.GENERAL, "dept-transport");
        String product = post("bureau-admin", "/api/v1/products", listing(dataset)).statusCode(201)
                .body("holderConsent", nullValue()).extract().path("id");
        given().auth().oauth2(KeycloakTokens.of("operator-b")).get("/api/v1/products/" + product).then().statusCode(404);
        given().queryParam("datasetId", dataset.id.toString()).get("/api/v1/products").then().statusCode(200)
                .body("items.id", not(hasItem(product)));
        given().auth().oauth2(KeycloakTokens.of("provider-transport")).get("/api/v1/products/" + product).then()
                .statusCode(200);
        post("operator-b", "/api/v1/licenses", application(product, List.of("amount"), "DELIVERY")).statusCode(201)
                .body("state", equalTo("DENIED"))
                .body("decisionReasons.code", hasItem("holder_consent_missing"));

        post("provider-market", "/api/v1/products/" + product + "/consent", Map.of()).statusCode(404);
        post("bureau-admin", "/api/v1/products/" + product + "/consent", Map.of()).statusCode(422)
                .body("errors.field", hasItem("document"));
        post("provider-transport", "/api/v1/products/" + product + "/consent",
                Map.of("organizations", List.of(ORG_B, "123"))).statusCode(400)
                .body("errors.field", hasItem("organizations[1]"));
        post("provider-transport", "/api/v1/products/" + product + "/consent",
                Map.of("organizations", List.of("R07PTGP00XY65EKNCU"))).statusCode(422)
                .body("errors.field", hasItem("organizations[0]"));
        post("provider-transport", "/api/v1/products/" + product + "/consent", Map.of("organizations", List.of(ORG_B)))
                .statusCode(200)
                .body("holderConsent.givenBy", equalTo("provider-transport"))
                .body("holderConsent.organizations", contains(ORG_B));
        post("provider-transport", "/api/v1/products/" + product + "/consent", Map.of()).statusCode(409);

        String license = post("operator-b", "/api/v1/licenses", application(product, List.of("amount"), "DELIVERY")).statusCode(201)
                .body("state", equalTo("APPROVED")).extract().path("id");
        post("operator-b", "/api/v1/licenses/" + license + "/accept", null).statusCode(200);
        // the department sees its data's use in aggregate: licenses in force by organization and purpose, calls per month
        given().auth().oauth2(KeycloakTokens.of("provider-transport")).get("/api/v1/datasets/" + dataset.id + "/usage").then()
                .statusCode(200)
                .body("licensesInForce.find { it.organization == '" + ORG_B + "' }.purposeCategory", equalTo("PUBLIC_GOVERNANCE"))
                .body("licensesInForce.find { it.organization == '" + ORG_B + "' }.licenses", equalTo(1))
                .body("months.size()", equalTo(12));
        given().auth().oauth2(KeycloakTokens.of("operator-b")).get("/api/v1/datasets/" + dataset.id + "/usage").then().statusCode(403);
        given().auth().oauth2(KeycloakTokens.of("provider-market")).get("/api/v1/datasets/" + dataset.id + "/usage").then().statusCode(403);
        post("operator-a", "/api/v1/licenses", application(product, List.of("amount"), "DELIVERY")).statusCode(201)
                .body("state", equalTo("DENIED"))
                .body("decisionReasons.code", hasItem("holder_consent_not_for_operator"));
    }

    @Test
    void aDepartmentListingItsOwnData_consentsByDoingSo() {
        Dataset dataset = TestDatasets.persist("自行上架", Grade.GENERAL, "dept-transport");
        post("provider-transport", "/api/v1/products", listing(dataset)).statusCode(201)
                .body("holderConsent.givenBy", equalTo("provider-transport"))
                .body("holderConsent.givenAt", notNullValue());
        Dataset other = TestDatasets.persist("他人数据", Grade.GENERAL, "dept-market");
        post("provider-transport", "/api/v1/products", listing(other)).statusCode(403);
    }
}
