package io.pdx.marketplace.health;

import org.junit.jupiter.api.Tag;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** {@code /q/health} reports the dependencies: the database, OPA and Keycloak. */
@Tag("stack") // needs the real stack: ./pdx test starts it; the fast tier leaves it out
@QuarkusTest
class HealthTest {

    @Test
    void readiness_reportsDatabaseOpaAndKeycloak_allUp() {
        given().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("OPA policy engine", "OIDC Provider Health Check"))
                .body("checks.find { it.name == 'OPA policy engine' }.status", equalTo("UP"));
    }

    @Test
    void readiness_includesTheReactiveDatabaseCheck() {
        given().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.findAll { it.name.contains('PostgreSQL') || it.name.contains('Database') }.size()",
                        org.hamcrest.Matchers.greaterThan(0));
    }
}
