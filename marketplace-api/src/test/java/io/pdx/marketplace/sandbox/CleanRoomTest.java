package io.pdx.marketplace.sandbox;

import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.testing.KeycloakTokens;
import io.pdx.marketplace.testing.SandboxRunnerProcess;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.pdx.marketplace.sandbox.SandboxFixtures.BUS;
import static io.pdx.marketplace.sandbox.SandboxFixtures.BUS_COLUMNS;
import static io.pdx.marketplace.sandbox.SandboxFixtures.activeLicense;
import static io.pdx.marketplace.sandbox.SandboxFixtures.awaitJob;
import static io.pdx.marketplace.sandbox.SandboxFixtures.dataset;
import static io.pdx.marketplace.sandbox.SandboxFixtures.exact;
import static io.pdx.marketplace.sandbox.SandboxFixtures.post;
import static io.pdx.marketplace.sandbox.SandboxFixtures.product;
import static io.pdx.marketplace.sandbox.SandboxFixtures.readArrow;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A clean room over the API, against the real runner, OPA, Keycloak and PostgreSQL: one job joins the datasets of two
 * licenses of its organization (bus swipes and bus routes, on the declared key route_id), the workspace offers what may
 * be combined, and whatever is not the caller's to join — another organization's license, one not in force, the same
 * dataset twice, a table without its license — is refused before anything is read or charged.
 */
@Tag("stack") // needs the real stack: ./pdx test starts it; the fast tier leaves it out
@QuarkusTest
@WithTestResource(SandboxRunnerProcess.class)
class CleanRoomTest {

    static final String ROUTES = "bus_routes";
    static final List<String> ROUTE_COLUMNS = List.of("route_id", "route_name", "operator", "district_code", "length_km",
            "stops", "opened_year");
    static final String BY_OPERATOR = "SELECT r.operator, count(*) AS swipes FROM bus_card_swipes s"
            + " JOIN bus_routes r ON s.route_id = r.route_id GROUP BY r.operator";

    private static String busLicense;
    private static String routesLicense;
    private static Dataset routes;

    @BeforeEach
    void licenses() {
        if (busLicense != null) {
            return; // once per class: the app is up by the first test (a @BeforeAll would run before it)
        }
        Dataset bus = dataset(BUS);
        routes = dataset(ROUTES);
        busLicense = activeLicense(product(bus, List.of("SANDBOX"), "FREE", 0), BUS_COLUMNS, "SANDBOX", "PUBLIC_GOVERNANCE");
        routesLicense = activeLicense(product(routes, List.of("SANDBOX"), "FREE", 0), ROUTE_COLUMNS, "SANDBOX",
                "PUBLIC_GOVERNANCE");
    }

    @Test
    void aJobJoinsTheDatasetsOfTwoLicenses_andItsGroupsAreTheExactOnes() throws Exception {
        String id = submit(busLicense, List.of(routesLicense), BY_OPERATOR).statusCode(202)
                .body("joinedLicenseIds", contains(routesLicense)).extract().path("id");
        String state = awaitJob(id).body("joinedLicenseIds", contains(routesLicense)).extract().path("state");
        if ("AWAITING_RELEASE".equals(state)) {
            post("reviewer-1", "/api/v1/sandbox/jobs/" + id + "/release", null).statusCode(200);
        } else {
            assertEquals("RELEASED", state);
        }
        byte[] arrow = given().auth().oauth2(KeycloakTokens.of("developer-a")).get("/api/v1/sandbox/jobs/" + id + "/result")
                .then().statusCode(200).extract().asByteArray();
        SandboxFixtures.ArrowResult result = readArrow(arrow);
        Map<Object, Long> truth = new HashMap<>();
        for (Map<String, Object> row : exact("SELECT r.operator, count(*) AS swipes FROM bus_card_swipes s"
                + " JOIN bus_routes r ON s.route_id = r.route_id GROUP BY r.operator")) {
            truth.put(String.valueOf(row.get("operator")), ((Number) row.get("swipes")).longValue());
        }
        assertFalse(result.rows().isEmpty(), "every operator has thousands of cards and over ten routes");
        for (Map<String, Object> row : result.rows()) {
            String operator = String.valueOf(row.get("operator"));
            assertEquals(truth.get(operator), ((Number) row.get("swipes")).longValue(), "an exact (GENERAL) count: " + operator);
        }
        // the job list says what each job joined
        given().auth().oauth2(KeycloakTokens.of("developer-a")).get("/api/v1/sandbox/jobs?licenseId=" + busLicense)
                .then().statusCode(200).body("items.find { it.id == '" + id + "' }.joinedLicenseIds", contains(routesLicense));
    }

    @Test
    void theWorkspace_offersTheDatasetsThatShareAJoinKey() {
        given().auth().oauth2(KeycloakTokens.of("developer-a")).get("/api/v1/licenses/" + busLicense + "/workspace")
                .then().statusCode(200)
                .body("combinable.licenseId", hasItem(routesLicense))
                .body("combinable.find { it.licenseId == '" + routesLicense + "' }.alias", equalTo(ROUTES))
                .body("combinable.find { it.licenseId == '" + routesLicense + "' }.joinKeys.column", contains("route_id"))
                .body("combinable.find { it.licenseId == '" + routesLicense + "' }.joinKeys.joinKey", contains("bus_route"))
                .body("combinable.licenseId", org.hamcrest.Matchers.not(hasItem(busLicense)));
    }

    @Test
    void aTemplateSpanningDatasets_isOffered_andRunsUnderTheLicensesOfBoth() throws Exception {
        given().auth().oauth2(KeycloakTokens.of("developer-a")).get("/api/v1/licenses/" + busLicense + "/workspace")
                .then().statusCode(200)
                .body("templates.find { it.id == 'tpl-swipes-by-route-operator' }.joins", contains(ROUTES))
                .body("templates.find { it.id == 'tpl-traffic-flow-by-hour' }.joins", org.hamcrest.Matchers.empty());
        String district = String.valueOf(exact("SELECT min(district_code) AS d FROM bus_card_swipes").get(0).get("d"));
        Map<String, Object> body = new HashMap<>();
        body.put("licenseId", busLicense);
        body.put("templateId", "tpl-swipes-by-route-operator");
        body.put("params", Map.of("district", district));
        // without a license of the routes the template's second dataset is not the caller's to read
        post("developer-a", "/api/v1/sandbox/jobs", body).statusCode(422).contentType("application/problem+json");
        body.put("joinLicenseIds", List.of(routesLicense));
        String id = post("developer-a", "/api/v1/sandbox/jobs", body).statusCode(202)
                .body("templateId", equalTo("tpl-swipes-by-route-operator")).extract().path("id");
        awaitJob(id).body("state", equalTo("RELEASED")).body("joinedLicenseIds", contains(routesLicense));
        SandboxFixtures.ArrowResult result = readArrow(given().auth().oauth2(KeycloakTokens.of("developer-a"))
                .get("/api/v1/sandbox/jobs/" + id + "/result").then().statusCode(200).extract().asByteArray());
        Map<Object, Long> truth = new HashMap<>();
        for (Map<String, Object> row : exact("SELECT r.operator, count(*) AS swipes FROM bus_card_swipes s"
                + " JOIN bus_routes r ON s.route_id = r.route_id WHERE s.district_code = '" + district + "' GROUP BY r.operator")) {
            truth.put(String.valueOf(row.get("operator")), ((Number) row.get("swipes")).longValue());
        }
        assertFalse(result.rows().isEmpty());
        for (Map<String, Object> row : result.rows()) {
            assertEquals(truth.get(String.valueOf(row.get("operator"))), ((Number) row.get("swipes")).longValue());
        }
    }

    @Test
    void withoutTheJoinedLicense_theOtherTableIsUnknown() {
        submit(busLicense, List.of(), BY_OPERATOR).statusCode(422).contentType("application/problem+json");
    }

    @Test
    void anotherOrganizationsLicense_isNotFound_andNothingIsRun() {
        String theirs = licenseOfOrganizationB(dataset(ROUTES));
        long before = jobsUnder(busLicense);
        submit(busLicense, List.of(theirs), BY_OPERATOR).statusCode(404).contentType("application/problem+json")
                .body("detail", containsString(theirs));
        assertEquals(before, jobsUnder(busLicense), "no job was created");
    }

    @Test
    void aJoinedLicenseNotInForce_isRefusedNamingItsDataset() {
        Dataset other = dataset(ROUTES);
        String suspended = activeLicense(product(other, List.of("SANDBOX"), "FREE", 0), ROUTE_COLUMNS, "SANDBOX",
                "PUBLIC_GOVERNANCE");
        post("bureau-admin", "/api/v1/licenses/" + suspended + "/suspend", null).statusCode(200);
        submit(busLicense, List.of(suspended), BY_OPERATOR).statusCode(403).contentType("application/problem+json")
                .body("detail", containsString(suspended))
                .body("detail", containsString(other.nameZh))
                .body("reasons.code", hasItem("license_not_active"));
    }

    @Test
    void aResultIsNotDownloaded_onceAJoinedLicenseIsNoLongerInForce() {
        String joined = activeLicense(product(dataset(ROUTES), List.of("SANDBOX"), "FREE", 0), ROUTE_COLUMNS, "SANDBOX",
                "PUBLIC_GOVERNANCE");
        String id = submit(busLicense, List.of(joined), BY_OPERATOR + " ORDER BY swipes DESC").statusCode(202).extract().path("id");
        String state = awaitJob(id).extract().path("state");
        if ("AWAITING_RELEASE".equals(state)) {
            post("reviewer-1", "/api/v1/sandbox/jobs/" + id + "/release", null).statusCode(200);
        }
        given().auth().oauth2(KeycloakTokens.of("developer-a")).get("/api/v1/sandbox/jobs/" + id + "/result").then().statusCode(200);
        post("bureau-admin", "/api/v1/licenses/" + joined + "/suspend", null).statusCode(200);
        given().auth().oauth2(KeycloakTokens.of("developer-a")).get("/api/v1/sandbox/jobs/" + id + "/result").then()
                .statusCode(403).contentType("application/problem+json").body("detail", containsString(joined));
    }

    @Test
    void twoLicensesOfOneDataset_orOneLicenseTwice_areRefused() {
        String second = activeLicense(product(dataset(BUS), List.of("SANDBOX"), "FREE", 0), BUS_COLUMNS, "SANDBOX",
                "PUBLIC_GOVERNANCE");
        submit(busLicense, List.of(second), "SELECT count(*) AS n FROM bus_card_swipes").statusCode(422)
                .body("errors.field", hasItem("joinLicenseIds"));
        submit(busLicense, List.of(routesLicense, routesLicense), BY_OPERATOR).statusCode(422)
                .body("errors.field", hasItem("joinLicenseIds"));
        submit(busLicense, List.of(busLicense), BY_OPERATOR).statusCode(422)
                .body("errors.field", hasItem("joinLicenseIds"));
    }

    @Test
    void aJoinOnAColumnThatIsNoDeclaredKey_isRefusedBeforeAnythingRuns() {
        submit(busLicense, List.of(routesLicense), "SELECT r.operator, count(*) AS swipes FROM bus_card_swipes s"
                + " JOIN bus_routes r ON s.district_code = r.district_code GROUP BY r.operator")
                .statusCode(422).contentType("application/problem+json")
                .body("reasons.code", hasItems("join_key_not_declared"));
    }

    @Test
    void aRequestOverTheLimitOfJoinedLicenses_isA400() {
        submit(busLicense, List.of(routesLicense, routesLicense, routesLicense, routesLicense), BY_OPERATOR)
                .statusCode(400).body("errors.field", hasItem("joinLicenseIds"));
    }

    static ValidatableResponse submit(String license, List<String> joined, String sql) {
        Map<String, Object> body = new HashMap<>();
        body.put("licenseId", license);
        body.put("sql", sql);
        body.put("joinLicenseIds", joined);
        return post("developer-a", "/api/v1/sandbox/jobs", body);
    }

    private static long jobsUnder(String license) {
        Number total = given().auth().oauth2(KeycloakTokens.of("developer-a"))
                .get("/api/v1/sandbox/jobs?licenseId=" + license).then().statusCode(200).extract().path("total");
        return total.longValue();
    }

    private static String licenseOfOrganizationB(Dataset dataset) {
        io.pdx.marketplace.testing.TestOrganizations.verified("91110000600037341L", "京数智能科技有限公司");
        String product = product(dataset, List.of("SANDBOX"), "FREE", 0);
        Map<String, Object> application = new HashMap<>();
        application.put("productId", product);
        application.put("purposeCategory", "PUBLIC_GOVERNANCE");
        application.put("purposeText", "净室测试 / clean-room test");
        application.put("columns", ROUTE_COLUMNS);
        application.put("mode", "SANDBOX");
        application.put("termStart", "2026-11-01");
        application.put("termEnd", "2027-10-31");
        String id = post("operator-b", "/api/v1/licenses", application).statusCode(201).extract().path("id");
        post("operator-b", "/api/v1/licenses/" + id + "/accept", null).statusCode(200).body("state", equalTo("ACTIVE"));
        assertTrue(id != null);
        return id;
    }
}
