package io.pdx.marketplace.catalog.registration;

import org.junit.jupiter.api.Tag;
import io.pdx.marketplace.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.pdx.marketplace.time.MovablePlatformClock;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

/**
 * Registration (登记) end to end: tokens from the real Keycloak, authorization and visibility from
 * the real OPA, state in the real PostgreSQL. Each test makes its own datasets.
 */
@Tag("stack") // needs the real stack: ./pdx test starts it; the fast tier leaves it out
@QuarkusTest
class RegistrationResourceTest {

    static final String PROVIDER = "provider-transport";
    static final String OTHER_PROVIDER = "provider-market";
    static final String REVIEWER = "reviewer-1";

    static Map<String, Object> draft(String nameZh) {
        Map<String, Object> draft = new HashMap<>();
        draft.put("nameZh", nameZh);
        draft.put("nameEn", "Bus route ridership " + nameZh.hashCode());
        draft.put("description", "每日线路客流统计 / daily ridership by route");
        draft.put("category", "交通/公共交通");
        draft.put("grade", "GENERAL");
        draft.put("generalSublevel", 2);
        draft.put("providerName", "交通运输局");
        draft.put("updateFrequency", "DAILY");
        draft.put("timeCoverageStart", "2026-01-01");
        draft.put("timeCoverageEnd", "2026-10-31");
        draft.put("spatialCoverage", "350100");
        draft.put("rowCount", 365000);
        draft.put("columns", List.of(
                Map.of("name", "route_id", "type", "VARCHAR", "tag", "ATTRIBUTE", "description", "线路"),
                Map.of("name", "riders", "type", "BIGINT", "tag", "METRIC", "description", "客流")));
        draft.put("sharingType", "CONDITIONAL");
        draft.put("sharingCondition", "用于交通规划 / for transport planning");
        draft.put("openness", "OPEN");
        draft.put("entityColumn", "route_id");
        return draft;
    }

    static String uniqueName() {
        return "公交线路客流-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static ValidatableResponse post(String user, String path, Object body) {
        var request = given().auth().oauth2(KeycloakTokens.of(user)).contentType(ContentType.JSON);
        if (body != null) {
            request = request.body(body);
        }
        return request.post(path).then();
    }

    static String created(String user, Map<String, Object> draft) {
        return post(user, "/api/v1/datasets", draft).statusCode(201).extract().path("id");
    }

    static String registered(Map<String, Object> draft) {
        String id = created(PROVIDER, draft);
        post(PROVIDER, "/api/v1/datasets/" + id + "/submit", null).statusCode(200);
        throughPublicity(id);
        return id;
    }

    /** Accepted into publicity, the window passed (on the platform's movable clock), then registered. */
    static ValidatableResponse throughPublicity(String id) {
        post(REVIEWER, "/api/v1/datasets/" + id + "/accept", null).statusCode(200).body("status", equalTo("PUBLICITY"));
        MovablePlatformClock.advance(java.time.Duration.ofDays(31));
        try {
            return post(REVIEWER, "/api/v1/datasets/" + id + "/register", null).statusCode(200);
        } finally {
            MovablePlatformClock.reset();
        }
    }

    @Test
    void create_asProvider_isDraftOfItsOwnDepartment() {
        post(PROVIDER, "/api/v1/datasets", draft(uniqueName()))
                .statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/datasets/[0-9a-f-]{36}"))
                .body("status", equalTo("DRAFT"))
                .body("provider", equalTo("dept-transport"))
                .body("datasetVersion", equalTo(1))
                .body("columns.tag", hasItems("ATTRIBUTE", "METRIC"));
    }

    @Test
    void create_asOperator_isForbidden() {
        post("operator-a", "/api/v1/datasets", draft(uniqueName()))
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void create_anonymously_isUnauthorized() {
        given().contentType(ContentType.JSON).body(draft(uniqueName())).post("/api/v1/datasets")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void create_withBadFields_is400NamingEach_andWritesNothing() {
        String name = uniqueName();
        Map<String, Object> bad = draft(name);
        bad.put("category", "交通/火箭");
        bad.put("grade", "TOP");
        bad.put("spatialCoverage", "35");
        post(PROVIDER, "/api/v1/datasets", bad)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("category", "grade", "spatialCoverage"));
        // the name was not taken by the failed request
        created(PROVIDER, draft(name));
    }

    @Test
    void create_withAValueOfTheWrongType_is400NamingTheField_orNotJsonAtAll() {
        Map<String, Object> bad = draft(uniqueName());
        bad.put("rowCount", "many");
        post(PROVIDER, "/api/v1/datasets", bad)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("rowCount"));
        post(PROVIDER, "/api/v1/datasets", "{\"nameZh\": ")
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void create_withADuplicateName_is409NamingTheField() {
        String name = uniqueName();
        created(PROVIDER, draft(name));
        post(PROVIDER, "/api/v1/datasets", draft(name))
                .statusCode(409)
                .body("type", startsWith("https://pdx.example/problems/duplicate-name"))
                .body("errors.field", hasItem("nameZh"));
    }

    @Test
    void create_forAnotherDepartment_is422NamingTheProvider() {
        // a well-formed department id (the schema holds) that is not the caller's: a rule beyond the schema
        Map<String, Object> draft = draft(uniqueName());
        draft.put("provider", "dept-market");
        post(PROVIDER, "/api/v1/datasets", draft).statusCode(422).body("errors.field", hasItem("provider"));
    }

    @Test
    void submitThenRegister_givesACertificate_andAppearsInThePublicCatalog() {
        String name = uniqueName();
        String id = created(PROVIDER, draft(name));
        given().get("/api/v1/datasets/" + id).then().statusCode(404); // a draft is not public
        post(PROVIDER, "/api/v1/datasets/" + id + "/submit", null).statusCode(200).body("status", equalTo("SUBMITTED"));
        throughPublicity(id)
                .body("status", equalTo("REGISTERED"))
                .body("certificateNo", matchesPattern("PDX-350100-\\d{4}-\\d{6}"));
        given().queryParam("q", name).get("/api/v1/datasets")
                .then().statusCode(200).body("items.id", hasItem(id));
    }

    @Test
    void returnWithReasons_thenEditAndResubmit() {
        String id = created(PROVIDER, draft(uniqueName()));
        post(PROVIDER, "/api/v1/datasets/" + id + "/submit", null).statusCode(200);
        post(REVIEWER, "/api/v1/datasets/" + id + "/return", Map.of("reasons", List.of("缺少字段说明 / column descriptions missing")))
                .statusCode(200)
                .body("status", equalTo("RETURNED"))
                .body("returnReasons", hasItem("缺少字段说明 / column descriptions missing"));
        int lockVersion = given().auth().oauth2(KeycloakTokens.of(PROVIDER)).get("/api/v1/datasets/" + id)
                .then().statusCode(200).extract().path("lockVersion");
        Map<String, Object> edited = draft(uniqueName());
        edited.put("lockVersion", lockVersion);
        given().auth().oauth2(KeycloakTokens.of(PROVIDER)).contentType(ContentType.JSON).body(edited)
                .put("/api/v1/datasets/" + id)
                .then().statusCode(200).body("nameZh", equalTo(edited.get("nameZh")));
        post(PROVIDER, "/api/v1/datasets/" + id + "/submit", null).statusCode(200).body("status", equalTo("SUBMITTED"));
    }

    @Test
    void return_withoutReasons_is400() {
        String id = created(PROVIDER, draft(uniqueName()));
        post(PROVIDER, "/api/v1/datasets/" + id + "/submit", null).statusCode(200);
        post(REVIEWER, "/api/v1/datasets/" + id + "/return", Map.of("reasons", List.of()))
                .statusCode(400).body("errors.field", hasItem("reasons"));
    }

    @Test
    void registerADraft_is409IllegalTransition() {
        String id = created(PROVIDER, draft(uniqueName()));
        post(REVIEWER, "/api/v1/datasets/" + id + "/register", null)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", startsWith("https://pdx.example/problems/illegal-transition"));
    }

    @Test
    void submitARegisteredDataset_is409() {
        String id = registered(draft(uniqueName()));
        post(PROVIDER, "/api/v1/datasets/" + id + "/submit", null).statusCode(409);
    }

    @Test
    void providerRegistersItsOwnSubmission_isForbidden() {
        String id = created(PROVIDER, draft(uniqueName()));
        post(PROVIDER, "/api/v1/datasets/" + id + "/submit", null).statusCode(200);
        post(PROVIDER, "/api/v1/datasets/" + id + "/register", null).statusCode(403);
    }

    @Test
    void update_withAStaleLockVersion_is409() {
        String id = created(PROVIDER, draft(uniqueName()));
        Map<String, Object> first = draft(uniqueName());
        first.put("lockVersion", 0);
        given().auth().oauth2(KeycloakTokens.of(PROVIDER)).contentType(ContentType.JSON).body(first)
                .put("/api/v1/datasets/" + id).then().statusCode(200);
        Map<String, Object> stale = draft(uniqueName());
        stale.put("lockVersion", 0);
        given().auth().oauth2(KeycloakTokens.of(PROVIDER)).contentType(ContentType.JSON).body(stale)
                .put("/api/v1/datasets/" + id)
                .then().statusCode(409)
                .body("type", startsWith("https://pdx.example/problems/stale-version"))
                .body("errors.field", hasItem("lockVersion"));
    }

    @Test
    void otherDepartmentsDraft_isNotFound() {
        String id = created(PROVIDER, draft(uniqueName()));
        given().auth().oauth2(KeycloakTokens.of(OTHER_PROVIDER)).get("/api/v1/datasets/" + id).then().statusCode(404);
        post(OTHER_PROVIDER, "/api/v1/datasets/" + id + "/submit", null).statusCode(404);
    }

    @Test
    void registeredDataset_changesOnlyAsANewVersion_whichSupersedesItWhenRegistered() {
        String id = registered(draft(uniqueName()));
        Map<String, Object> edit = draft(uniqueName());
        edit.put("lockVersion", 1);
        given().auth().oauth2(KeycloakTokens.of(PROVIDER)).contentType(ContentType.JSON).body(edit)
                .put("/api/v1/datasets/" + id)
                .then().statusCode(409).body("type", startsWith("https://pdx.example/problems/not-editable"));
        String next = post(PROVIDER, "/api/v1/datasets/" + id + "/versions", null)
                .statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("datasetVersion", equalTo(2))
                .extract().path("id");
        post(PROVIDER, "/api/v1/datasets/" + id + "/versions", null).statusCode(409);
        post(PROVIDER, "/api/v1/datasets/" + next + "/submit", null).statusCode(200);
        throughPublicity(next);
        given().auth().oauth2(KeycloakTokens.of("bureau-admin")).get("/api/v1/datasets/" + id)
                .then().statusCode(200).body("status", equalTo("SUPERSEDED"));
    }
}
