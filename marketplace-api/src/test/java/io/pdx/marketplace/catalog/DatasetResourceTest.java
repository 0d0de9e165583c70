package io.pdx.marketplace.catalog;

import org.junit.jupiter.api.Tag;
import io.pdx.contracts.Grade;
import io.pdx.marketplace.testing.KeycloakTokens;
import io.pdx.marketplace.testing.TestDatasets;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * The catalog slice end to end: real PostgreSQL (through Hibernate Reactive), real OPA
 * (package pdx.catalog) and tokens issued by the real Keycloak for each role.
 */
@Tag("stack") // needs the real stack: ./pdx test starts it; the fast tier leaves it out
@QuarkusTest
class DatasetResourceTest {

    private static Dataset general;
    private static Dataset important;
    private static Dataset core;
    private static Dataset transportCore;

    @BeforeEach
    void catalogWithEveryGrade() {
        if (general != null) {
            return; // made once per run, through the real database
        }
        general = TestDatasets.persist("一般", Grade.GENERAL, "dept-test");
        important = TestDatasets.persist("重要", Grade.IMPORTANT, "dept-test");
        core = TestDatasets.persist("核心", Grade.CORE, "dept-test");
        transportCore = TestDatasets.persist("交通核心", Grade.CORE, "dept-transport");
    }

    private ValidatableResponse list(String token) {
        var request = given().queryParam("size", 200);
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        return request.get("/api/v1/datasets").then().statusCode(200).contentType("application/json");
    }

    private static String id(Dataset dataset) {
        return dataset.id.toString();
    }

    // GET /api/v1/datasets

    @Test
    void anonymous_seesOnlyGeneral() {
        list(null)
                .body("items.grade", everyItem(equalTo("GENERAL")))
                .body("items.id", hasItem(id(general)))
                .body("items.id", not(hasItem(id(important))))
                .body("items.id", not(hasItem(id(core))));
    }

    @Test
    void operator_seesGeneralAndImportant_neverCore() {
        list(KeycloakTokens.of("operator-a"))
                .body("items.grade", everyItem(in(List.of("GENERAL", "IMPORTANT"))))
                .body("items.id", hasItems(id(general), id(important)))
                .body("items.id", not(hasItem(id(core))));
    }

    @Test
    void developerServiceAccount_seesLikeAnOperator() {
        list(KeycloakTokens.ofServiceAccount("dev-org-b"))
                .body("items.id", hasItems(id(general), id(important)))
                .body("items.id", not(hasItem(id(core))));
    }

    @Test
    void bureauAdmin_seesEveryGrade() {
        list(KeycloakTokens.of("bureau-admin"))
                .body("items.id", hasItems(id(general), id(important), id(core), id(transportCore)));
    }

    @Test
    void bureauReviewer_seesEveryGrade() {
        list(KeycloakTokens.of("reviewer-1"))
                .body("items.id", hasItems(id(general), id(important), id(core)));
    }

    @Test
    void provider_seesGeneralAndItsOwnDepartment_notOtherDepartmentsImportantOrCore() {
        list(KeycloakTokens.of("provider-transport"))
                .body("items.id", hasItems(id(general), id(transportCore)))
                .body("items.id", not(hasItem(id(important))))
                .body("items.id", not(hasItem(id(core))));
    }

    @Test
    void gradeFilter_narrowsWithinWhatIsVisible() {
        given().auth().oauth2(KeycloakTokens.of("operator-a"))
                .queryParam("grade", "IMPORTANT").queryParam("size", 200)
                .get("/api/v1/datasets")
                .then().statusCode(200)
                .body("items.grade", everyItem(equalTo("IMPORTANT")))
                .body("items.id", hasItem(id(important)));
        given().queryParam("grade", "CORE")
                .get("/api/v1/datasets")
                .then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void sizeOutOfRange_isProblemNamingTheField() {
        given().queryParam("size", 10_000)
                .get("/api/v1/datasets")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem("size"));
    }

    @Test
    void unknownGrade_isProblemNamingTheField() {
        given().queryParam("grade", "SECRET")
                .get("/api/v1/datasets")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("grade"));
    }

    @Test
    void forgedToken_isRefused() {
        given().auth().oauth2("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl")
                .get("/api/v1/datasets")
                .then().statusCode(401);
    }
    // GET /api/v1/datasets/{id}

    @Test
    void anonymous_readsGeneralEntry() {
        given().get("/api/v1/datasets/{id}", general.id)
                .then().statusCode(200)
                .body("id", equalTo(id(general)))
                .body("columns.tag", hasItems("IDENTIFIER", "METRIC"));
    }

    @Test
    void anonymous_getsNotFoundForImportant_soExistenceDoesNotLeak() {
        given().get("/api/v1/datasets/{id}", important.id)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", startsWith("https://pdx.example/problems/dataset-not-found"));
    }

    @Test
    void operator_getsNotFoundForCore() {
        given().auth().oauth2(KeycloakTokens.of("operator-b"))
                .get("/api/v1/datasets/{id}", core.id)
                .then().statusCode(404);
    }

    @Test
    void bureauAdmin_readsCore() {
        given().auth().oauth2(KeycloakTokens.of("bureau-admin"))
                .get("/api/v1/datasets/{id}", core.id)
                .then().statusCode(200)
                .body("grade", equalTo("CORE"));
    }
}
