package io.pdx.marketplace.observability;

import io.pdx.marketplace.testing.KeycloakTokens;
import io.pdx.marketplace.testing.ManagementInterface;
import io.pdx.marketplace.testing.SandboxRunnerProcess;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every metric name the Grafana dashboard's queries read is one the services expose: marketplace-api's /q/metrics
 * (this instance) and sandbox-runner's (its packaged jar, read with the shared secret), after a little traffic.
 */
@Tag("stack") // needs the real stack: ./pdx test starts it; the fast tier leaves it out
@QuarkusTest
@WithTestResource(SandboxRunnerProcess.class)
class GrafanaDashboardTest {

    @Test
    void everyMetricTheDashboardQueries_isExposed() throws Exception {
        // traffic: catalog reads (OPA lookups and an HTTP series), an authorized call (an OPA decision), a 401
        given().get("/api/v1/datasets").then().statusCode(200);
        given().auth().oauth2(KeycloakTokens.of("operator-a")).get("/api/v1/licenses").then().statusCode(200);
        given().get("/api/v1/licenses").then().statusCode(401);
        Set<String> exposed = new TreeSet<>(DashboardQueries.exposed(ManagementInterface.given().get("/q/metrics").then().statusCode(200).extract().asString()));
        exposed.addAll(DashboardQueries.exposed(given().baseUri("http://127.0.0.1:" + SandboxRunnerProcess.PORT).port(SandboxRunnerProcess.PORT)
                .header("Authorization", "Bearer " + SandboxRunnerProcess.SECRET).get("/q/metrics").then().statusCode(200)
                .extract().asString()));
        Set<String> queried = new TreeSet<>();
        DashboardQueries.expressions(DashboardQueries.read()).forEach(expr -> queried.addAll(DashboardQueries.metricNames(expr)));
        Set<String> missing = new TreeSet<>(queried);
        missing.removeAll(exposed);
        assertTrue(missing.isEmpty(), "the dashboard queries metrics nobody exposes: " + missing);
        given().baseUri("http://127.0.0.1:" + SandboxRunnerProcess.PORT).port(SandboxRunnerProcess.PORT).get("/q/metrics")
                .then().statusCode(401);
    }
}
