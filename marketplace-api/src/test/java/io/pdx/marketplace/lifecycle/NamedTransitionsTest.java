package io.pdx.marketplace.lifecycle;

import org.junit.jupiter.api.Tag;
import io.pdx.contracts.catalog.RegistrationStatus;
import io.pdx.contracts.Grade;
import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.testing.KeycloakTokens;
import io.pdx.marketplace.testing.TestDatasets;
import io.pdx.marketplace.testing.TestOrganizations;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Two of the three privilege bypasses that named transitions close, against the real stack: each was a move to
 * the right state by the wrong route, and answers 409 naming the state and the transition (the third, releasing
 * a job whose release is still being decided, is in SideChannelTest).
 */
@Tag("stack") // needs the real stack: ./pdx test starts it; the fast tier leaves it out
@QuarkusTest
class NamedTransitionsTest {

    static final String ORG_B = "91110000600037341L";

    private static ValidatableResponse post(String user, String path, Object body) {
        var request = given().auth().oauth2(KeycloakTokens.of(user)).contentType(ContentType.JSON);
        return (body == null ? request : request.body(body)).post(path).then();
    }

    @Test
    void anOperatorsAccept_ofASuspendedLicense_isA409_onlyTheBureauResumes() {
        TestOrganizations.verified(ORG_B, "京数科技有限公司");
        Dataset dataset = TestDatasets.persist("命名转换", Grade.GENERAL, "dept-transport", RegistrationStatus.REGISTERED);
        Map<String, Object> product = new HashMap<>();
        product.put("datasetId", dataset.id.toString());
        product.put("modes", List.of("DELIVERY", "SANDBOX"));
        product.put("priceRule", Map.of("kind", "FREE", "unitPriceFen", 0));
        product.put("scenarios", List.of("测试 / test"));
        product.put("qualityNotes", "测试 / test");
        product.put("holderConsent", Map.of("document", "数源单位同意函（测试） / the department's consent letter (test)"));
        String productId = post("bureau-admin", "/api/v1/products", product).statusCode(201).extract().path("id");
        Map<String, Object> application = new HashMap<>();
        application.put("productId", productId);
        application.put("purposeCategory", "PUBLIC_GOVERNANCE");
        application.put("purposeText", "测试 / test");
        application.put("columns", List.of("amount"));
        application.put("mode", "DELIVERY");
        application.put("termStart", "2026-12-01");
        application.put("termEnd", "2027-11-30");
        String id = post("operator-b", "/api/v1/licenses", application).statusCode(201).body("state", equalTo("APPROVED"))
                .extract().path("id");
        post("operator-b", "/api/v1/licenses/" + id + "/accept", null).statusCode(200).body("state", equalTo("ACTIVE"));
        post("bureau-admin", "/api/v1/licenses/" + id + "/suspend", null).statusCode(200).body("state", equalTo("SUSPENDED"));

        post("operator-b", "/api/v1/licenses/" + id + "/accept", null).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("SUSPENDED")).body("detail", containsString("ACCEPT"));
        post("operator-b", "/api/v1/licenses/" + id + "/resume", null).statusCode(403);
        post("bureau-admin", "/api/v1/licenses/" + id + "/resume", null).statusCode(200).body("state", equalTo("ACTIVE"));
    }

    @Test
    void aReviewersVerify_ofASuspendedOrganization_isA409_onlyTheAdministratorReinstates() {
        String uscc = "91440300708461136T";
        TestOrganizations.verified(uscc, "深数科技有限公司");
        post("bureau-admin", "/api/v1/organizations/" + uscc + "/suspend", null).statusCode(200).body("status", equalTo("SUSPENDED"));

        post("reviewer-1", "/api/v1/organizations/" + uscc + "/verify", null).statusCode(409)
                .body("detail", containsString("SUSPENDED")).body("detail", containsString("VERIFY"));
        post("reviewer-1", "/api/v1/organizations/" + uscc + "/reinstate", null).statusCode(403);
        post("bureau-admin", "/api/v1/organizations/" + uscc + "/reinstate", null).statusCode(200).body("status", equalTo("VERIFIED"));
    }
}
