package io.pdx.marketplace.observability;

import io.pdx.marketplace.testing.KeycloakTokens;
import io.pdx.marketplace.testing.ManagementInterface;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * The metrics tell the total ε spent, the jobs running and the review backlog: nobody reads them on the public port,
 * signed in or not; they are served on the management interface (loopback, not routed), where health is not.
 */
@Tag("stack") // needs the real stack: ./pdx test starts it; the fast tier leaves it out
@QuarkusTest
class MetricsExposureTest {

    @Test
    void metrics_areNotServedOnThePublicPort_toAnyone() {
        given().get("/q/metrics").then().statusCode(404).body(not(containsString("pdx_")));
        given().auth().oauth2(KeycloakTokens.of("developer-a")).get("/q/metrics").then().statusCode(404)
                .body(not(containsString("pdx_")));
        given().auth().oauth2(KeycloakTokens.of("bureau-admin")).get("/q/metrics").then().statusCode(404);
    }

    @Test
    void metrics_areServedOnTheManagementInterface_healthStaysOnThePublicPort() {
        ManagementInterface.given().get("/q/metrics").then().statusCode(200)
                .body(containsString("pdx_"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
