package io.pdx.marketplace.product;

import org.junit.jupiter.api.Tag;
import io.pdx.contracts.Grade;
import io.pdx.contracts.catalog.RegistrationStatus;
import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.testing.KeycloakTokens;
import io.pdx.marketplace.testing.TestDatasets;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * Data products end to end: real PostgreSQL, real OPA (authz, catalog visibility and the grade
 * matrix as policy data) and tokens from the real Keycloak.
 */
@Tag("stack") // needs the real stack: ./pdx test starts it; the fast tier leaves it out
@QuarkusTest
class ProductResourceTest {

    private static Dataset general;
    private static Dataset important;
    private static Dataset core;
    private static Dataset draft;

    @BeforeEach
    void datasetsOfEveryGradeAndADraft() {
        if (general != null) {
            return; // made once per run, through the real database
        }
        general = TestDatasets.persist("产品一般", Grade.GENERAL, "dept-test");
        important = TestDatasets.persist("产品重要", Grade.IMPORTANT, "dept-test");
        core = TestDatasets.persist("产品核心", Grade.CORE, "dept-test");
        draft = TestDatasets.persist("产品草稿", Grade.GENERAL, "dept-test", RegistrationStatus.DRAFT);
    }

    private static Map<String, Object> perCall(long unitPriceFen, long capFen) {
        Map<String, Object> price = new LinkedHashMap<>();
        price.put("kind", "PER_CALL");
        price.put("unitPriceFen", unitPriceFen);
        price.put("capFen", capFen);
        return price;
    }

    private static Map<String, Object> request(Dataset dataset, String nameZh, List<String> modes,
                                               Map<String, Object> price) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("datasetId", dataset.id.toString());
        body.put("nameZh", nameZh);
        body.put("nameEn", "Product " + nameZh);
        body.put("modes", modes);
        body.put("priceRule", price);
        body.put("scenarios", List.of("公交线网优化 / bus network planning"));
        body.put("qualityNotes", "月度更新，完整率 99% / monthly, 99% complete");
        body.put("holderConsent", Map.of("document", "数源单位同意函（测试） / the department's consent letter (test)"));
        return body;
    }

    private static RequestSpecification as(String username) {
        RequestSpecification request = given().contentType(ContentType.JSON);
        return username == null ? request : request.auth().oauth2(KeycloakTokens.of(username));
    }

    private static ValidatableResponse post(String username, Object body) {
        return as(username).body(body).post("/api/v1/products").then();
    }

    /** Lists a product as the bureau and answers its id. */
    private static String listed(Dataset dataset, String nameZh, List<String> modes) {
        return post("bureau-admin", request(dataset, nameZh, modes, perCall(50, 100)))
                .statusCode(201).extract().path("id");
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType("application/problem+json").body("status", equalTo(status));
    }

    // POST /api/v1/products

    @Test
    void create_byBureauAdmin_listsProductWithItsDescriptionAndSyntheticSample() {
        var created = post("bureau-admin", request(general, "公交刷卡产品", List.of("SANDBOX", "DELIVERY"), perCall(50, 100)))
                .statusCode(201)
                .body("id", notNullValue())
                .body("datasetId", equalTo(general.id.toString()))
                .body("grade", equalTo("GENERAL"))
                .body("modes", equalTo(List.of("DELIVERY", "SANDBOX")))
                .body("priceRule.kind", equalTo("PER_CALL"))
                .body("priceRule.unitPriceFen", equalTo(50))
                .body("priceRule.capFen", equalTo(100))
                .body("description.updateFrequency", equalTo("MONTHLY"))
                .body("description.scenarios", hasSize(1))
                .body("description.columns.name", equalTo(List.of("person_id", "amount")))
                .body("description.syntheticSample", hasSize(SyntheticSample.ROWS))
                .body("description.syntheticSample[0].person_id", startsWith("SYNTHETIC-ID-"))
                .body("description.syntheticSample[0].amount", equalTo(12.5f))
                .body("createdBy", equalTo("bureau-admin"))
                .extract();
        assertThat(created.header("Location"), endsWith("/api/v1/products/" + created.path("id")));
        given().get("/api/v1/products/{id}", (String) created.path("id"))
                .then().statusCode(200)
                .body("priceRule.capFen", equalTo(100))
                .body("description.qualityNotes", startsWith("月度更新"));
    }

    @Test
    void create_byReviewer_isAllowed_freeProductWithDatasetNames() {
        Map<String, Object> body = request(general, null, List.of("SANDBOX"), Map.of("kind", "FREE", "unitPriceFen", 0));
        body.remove("nameZh");
        body.remove("nameEn");
        post("reviewer-1", body)
                .statusCode(201)
                .body("nameZh", equalTo(general.nameZh))
                .body("nameEn", equalTo(general.nameEn))
                .body("priceRule.kind", equalTo("FREE"))
                .body("priceRule.unitPriceFen", equalTo(0));
    }

    @Test
    void create_byOperator_isForbidden() {
        problem(post("operator-a", request(general, "运营者产品", List.of("SANDBOX"), perCall(1, 2))), 403);
    }

    @Test
    void create_anonymous_needsAuthentication() {
        problem(post(null, request(general, "匿名产品", List.of("SANDBOX"), perCall(1, 2))), 401);
    }

    @Test
    void create_forCoreDataset_isRefused_coreIsNeverListed() {
        problem(post("bureau-admin", request(core, "核心产品", List.of("SANDBOX"), perCall(1, 2))), 409)
                .body("type", equalTo("https://pdx.example/problems/never-listed"))
                .body("errors.field", hasItem("datasetId"));
    }

    @Test
    void create_forDraftDataset_isRefused_notRegistered() {
        problem(post("bureau-admin", request(draft, "草稿产品", List.of("SANDBOX"), perCall(1, 2))), 409)
                .body("type", equalTo("https://pdx.example/problems/dataset-not-registered"));
    }

    @Test
    void create_unitPriceOverCap_namesTheField() {
        problem(post("bureau-admin", request(general, "超限价产品", List.of("SANDBOX"), perCall(101, 100))), 422)
                .body("errors.field", equalTo(List.of("priceRule.unitPriceFen")));
    }

    @Test
    void create_deliveryForImportantDataset_namesTheMode() {
        problem(post("bureau-admin", request(important, "重要交付产品", List.of("SANDBOX", "DELIVERY"), perCall(1, 2))), 422)
                .body("errors.field", equalTo(List.of("modes[1]")));
    }

    @Test
    void create_withManyBadFields_namesEach_andWritesNothing() {
        Dataset fresh = TestDatasets.persist("坏请求", Grade.GENERAL, "dept-test");
        Map<String, Object> price = new LinkedHashMap<>();
        price.put("kind", "PER_YEAR");
        price.put("unitPriceFen", 1.5);
        price.put("period", "DECADE");
        Map<String, Object> body = request(fresh, "x".repeat(201), List.of("TELEPORT", "SANDBOX", "SANDBOX"), price);
        body.put("scenarios", List.of(" "));
        body.remove("qualityNotes");
        problem(post("bureau-admin", body), 400)
                .body("errors.field", hasItems("nameZh", "modes[0]", "modes[2]", "priceRule.kind",
                        "priceRule.unitPriceFen", "priceRule.period", "scenarios[0]", "qualityNotes"));
        given().queryParam("datasetId", fresh.id.toString())
                .get("/api/v1/products")
                .then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void create_perPeriodWithoutPeriod_namesTheField() {
        Map<String, Object> price = perCall(10, 20);
        price.put("kind", "PER_PERIOD");
        problem(post("bureau-admin", request(general, "包月产品", List.of("SANDBOX"), price)), 422)
                .body("errors.field", equalTo(List.of("priceRule.period")));
    }

    @Test
    void create_sameNameTwiceForADataset_isConflictNamingTheField() {
        listed(general, "重名产品", List.of("SANDBOX"));
        problem(post("bureau-admin", request(general, "重名产品", List.of("SANDBOX"), perCall(1, 2))), 409)
                .body("errors.field", hasItem("nameZh"));
    }

    @Test
    void create_malformedDatasetId_namesTheField() {
        Map<String, Object> body = request(general, "坏编号", List.of("SANDBOX"), perCall(1, 2));
        body.put("datasetId", "not-a-uuid");
        problem(post("bureau-admin", body), 400).body("errors.field", equalTo(List.of("datasetId")));
    }

    @Test
    void create_forDatasetTheCallerCannotSee_isNotFound() {
        problem(post("operator-a", request(core, "看不见的产品", List.of("SANDBOX"), perCall(1, 2))), 404)
                .body("type", equalTo("https://pdx.example/problems/dataset-not-found"));
    }

    // GET /api/v1/products, GET /api/v1/products/{id}

    @Test
    void list_anonymous_seesOnlyProductsOfGeneralDatasets() {
        String open = listed(general, "开放列表产品", List.of("DELIVERY"));
        String restricted = listed(important, "重要列表产品", List.of("SANDBOX"));
        given().queryParam("size", 200)
                .get("/api/v1/products")
                .then().statusCode(200)
                .body("items.grade", everyItem(equalTo("GENERAL")))
                .body("items.id", hasItem(open))
                .body("items.id", not(hasItem(restricted)));
        as("operator-a").queryParam("size", 200)
                .get("/api/v1/products")
                .then().statusCode(200)
                .body("items.id", hasItems(open, restricted));
    }

    @Test
    void list_byDataset_narrowsToItsProducts() {
        Dataset own = TestDatasets.persist("单独数据集", Grade.GENERAL, "dept-test");
        String product = listed(own, "单独产品", List.of("SANDBOX"));
        given().queryParam("datasetId", own.id.toString())
                .get("/api/v1/products")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items.id", equalTo(List.of(product)));
    }

    @Test
    void get_productOfImportantDataset_isNotFoundForAnonymous_visibleToOperator() {
        String restricted = listed(important, "重要单个产品", List.of("SANDBOX"));
        problem(given().get("/api/v1/products/{id}", restricted).then(), 404)
                .body("type", equalTo("https://pdx.example/problems/product-not-found"));
        as("operator-a").get("/api/v1/products/{id}", restricted)
                .then().statusCode(200)
                .body("id", equalTo(restricted))
                .body("grade", equalTo("IMPORTANT"))
                .body("modes", equalTo(List.of("SANDBOX")));
    }

    @Test
    void list_sizeOutOfRange_namesTheField() {
        problem(given().queryParam("size", 1000).get("/api/v1/products").then(), 400)
                .body("errors.field", equalTo(List.of("size")));
    }
}
