package io.pdx.marketplace.catalog;

import org.junit.jupiter.api.Tag;
import io.pdx.marketplace.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

/**
 * The packaged application (quarkus-run.jar, as ./pdx up runs it) against the real PostgreSQL,
 * OPA and Keycloak: it starts, migrates, serves the catalog through the policy, and serves the
 * web UI and the OpenAPI document.
 */
@Tag("stack") // needs the real stack: ./pdx test starts it; the fast tier leaves it out
@QuarkusIntegrationTest
class PackagedCatalogIT {

    @BeforeAll
    static void loopback() {
        // the packaged app listens on 127.0.0.1 only; "localhost" may resolve to ::1 first
        RestAssured.baseURI = "http://127.0.0.1";
    }

    @Test
    void anonymousList_isGeneralOnly() {
        given().get("/api/v1/datasets")
                .then().statusCode(200)
                .body("items.grade", everyItem(equalTo("GENERAL")));
    }

    @Test
    void operatorToken_isAccepted() {
        given().auth().oauth2(KeycloakTokens.of("operator-a"))
                .get("/api/v1/datasets")
                .then().statusCode(200);
    }

    @Test
    void readiness_isUp() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void openApi_describesTheCatalog() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/datasets"));
    }

    @Test
    void webUi_isServedAtTheRoot() {
        given().get("/").then().statusCode(200).body(containsString("<html"));
    }
}
