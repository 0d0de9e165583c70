package io.pdx.marketplace.organization;

import org.junit.jupiter.api.Tag;
import io.pdx.contracts.identity.Uscc;
import io.pdx.marketplace.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

/** Organizations against the real PostgreSQL, OPA and Keycloak tokens (org_id claim = 统一社会信用代码). */
@Tag("stack") // needs the real stack: ./pdx test starts it; the fast tier leaves it out
@QuarkusTest
class OrganizationResourceTest {

    /** operator-a's organization, as the realm's org_id claim names it. */
    static final String ORG_A = "91350100M000100Y43";
    private static boolean orgARegistered;

    static Map<String, Object> request(String uscc, String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("uscc", uscc);
        body.put("legalRepresentative", "林建华");
        body.put("contactName", "陈敏");
        body.put("contactPhone", "0591-87654321");
        body.put("contactEmail", "data@example.cn");
        return body;
    }

    /** A fresh code with a correct GB 32100 check character. */
    static String newUscc() {
        StringBuilder first17 = new StringBuilder("91350100");
        for (int i = 0; i < 9; i++) {
            first17.append(Uscc.ALPHABET.charAt(ThreadLocalRandom.current().nextInt(i < 8 ? Uscc.ALPHABET.length() : 10)));
        }
        return first17.toString() + Uscc.checkCharacter(first17.toString());
    }

    static ValidatableResponse post(String user, String path, Object body) {
        var request = given().auth().oauth2(KeycloakTokens.of(user)).contentType(ContentType.JSON);
        return (body == null ? request : request.body(body)).post(path).then();
    }

    @BeforeEach
    void operatorARegistersItsOrganization() {
        if (!orgARegistered) {
            var registered = post("operator-a", "/api/v1/organizations", request(ORG_A, "闽数科技有限公司"));
            if (registered.extract().statusCode() != 409) { // 409: another test class of this database registered it first
                registered.statusCode(201).body("id", equalTo(ORG_A)).body("status", equalTo("UNVERIFIED"));
            }
            orgARegistered = true;
        }
    }

    @Test
    void register_withAWrongCheckCharacter_is422NamingUscc() {
        post("bureau-admin", "/api/v1/organizations", request("91350100M000100Y44", "校验位错误公司"))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("uscc"));
    }

    @Test
    void register_withBadFields_namesEach() {
        Map<String, Object> bad = request("9135010", "");
        bad.put("contactEmail", "not-an-address");
        bad.put("contactPhone", "call me");
        post("bureau-admin", "/api/v1/organizations", bad)
                .statusCode(422)
                .body("errors.field", hasItems("uscc", "name", "contactEmail", "contactPhone"));
    }

    @Test
    void register_anotherOrganizationsCode_asOperator_isForbidden() {
        post("operator-b", "/api/v1/organizations", request(newUscc(), "冒名公司" + System.nanoTime()))
                .statusCode(403);
    }

    @Test
    void register_twice_is409() {
        post("operator-a", "/api/v1/organizations", request(ORG_A, "闽数科技有限公司二"))
                .statusCode(409)
                .body("errors.field", hasItem("uscc"));
    }

    @Test
    void read_ownOrganization_butNotAnothers() {
        given().auth().oauth2(KeycloakTokens.of("operator-a")).get("/api/v1/organizations/" + ORG_A)
                .then().statusCode(200).body("name", equalTo("闽数科技有限公司"));
        given().auth().oauth2(KeycloakTokens.of("developer-a")).get("/api/v1/organizations/" + ORG_A)
                .then().statusCode(200);
        given().auth().oauth2(KeycloakTokens.of("operator-b")).get("/api/v1/organizations/" + ORG_A)
                .then().statusCode(404)
                .body("type", startsWith("https://pdx.example/problems/organization-not-found"));
        given().get("/api/v1/organizations/" + ORG_A).then().statusCode(401);
    }

    @Test
    void lifeCycle_verifySuspendReinstate_withRolesAndIllegalMoves() {
        String uscc = newUscc();
        post("bureau-admin", "/api/v1/organizations", request(uscc, "榕城数据服务有限公司" + uscc)).statusCode(201);
        String base = "/api/v1/organizations/" + uscc;
        post("bureau-admin", base + "/suspend", null).statusCode(409); // UNVERIFIED cannot be suspended
        post("reviewer-1", base + "/verify", null).statusCode(200)
                .body("status", equalTo("VERIFIED")).body("verifiedBy", equalTo("reviewer-1"));
        post("reviewer-1", base + "/verify", null).statusCode(409)
                .body("type", startsWith("https://pdx.example/problems/illegal-transition"));
        post("reviewer-1", base + "/suspend", null).statusCode(403); // suspension is the administrator's
        post("bureau-admin", base + "/suspend", null).statusCode(200).body("status", equalTo("SUSPENDED"));
        post("bureau-admin", base + "/reinstate", null).statusCode(200).body("status", equalTo("VERIFIED"));
        post("operator-a", base + "/verify", null).statusCode(404); // not its organization
    }

    @Test
    void list_isTheBureausQueue_filteredByStatus_andNobodyElses() {
        String uscc = newUscc();
        post("bureau-admin", "/api/v1/organizations", request(uscc, "闽江数据有限公司" + uscc)).statusCode(201);
        given().auth().oauth2(KeycloakTokens.of("reviewer-1")).queryParam("status", "UNVERIFIED").queryParam("size", 500)
                .get("/api/v1/organizations")
                .then().statusCode(200)
                .body("items.id", hasItem(uscc))
                .body("items.status", everyItem(equalTo("UNVERIFIED")))
                .body("size", equalTo(500));
        post("reviewer-1", "/api/v1/organizations/" + uscc + "/verify", null).statusCode(200);
        given().auth().oauth2(KeycloakTokens.of("bureau-admin")).queryParam("status", "UNVERIFIED").queryParam("size", 500)
                .get("/api/v1/organizations")
                .then().statusCode(200).body("items.id", not(hasItem(uscc)));
        given().auth().oauth2(KeycloakTokens.of("bureau-admin")).queryParam("status", "unverified")
                .get("/api/v1/organizations")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
        // an operator reads its own organization by its code, never the list of others
        given().auth().oauth2(KeycloakTokens.of("operator-a")).get("/api/v1/organizations").then().statusCode(403);
        given().get("/api/v1/organizations").then().statusCode(401);
    }
}
