package io.pdx.marketplace.satisfaction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.pdx.contracts.Grade;
import io.pdx.contracts.catalog.RegistrationStatus;
import io.pdx.marketplace.calendar.PolicyCalendar;
import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.testing.KeycloakTokens;
import io.pdx.marketplace.testing.TestDatasets;
import io.pdx.marketplace.testing.TestOrganizations;
import io.pdx.marketplace.time.MovablePlatformClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 好差评 against the real Keycloak, PostgreSQL and OPA: the person served rates a decided license once (another
 * organization's is 404, an undecided one 409); a poor rating and a complaint open cases due fifteen working days later
 * in the policy's calendar; only the bureau answers them (through the kernel, audited); the public summary and the
 * efficiency figures count them, never a comment or a person.
 */
@Tag("stack")
@QuarkusTest
class SatisfactionTest {

    static final String ORG_B = "91110000600037341L";
    static final String SECRET_COMMENT = "评价内容不公开-7f3a";
    static final String COMPLAINT_TEXT = "审批理由不清楚-c91e";

    @AfterEach
    void resetClock() {
        MovablePlatformClock.reset();
    }

    static ValidatableResponse post(String user, String path, Object body) {
        var request = given().auth().oauth2(KeycloakTokens.of(user)).contentType(ContentType.JSON);
        return (body == null ? request : request.body(body)).post(path).then();
    }

    static ValidatableResponse get(String user, String path) {
        return given().auth().oauth2(KeycloakTokens.of(user)).get(path).then();
    }

    static Map<String, Object> rating(String kind, String eventId, String level, String comment) {
        Map<String, Object> body = new HashMap<>();
        body.put("eventKind", kind);
        body.put("eventId", eventId);
        body.put("level", level);
        if (comment != null) {
            body.put("comment", comment);
        }
        return body;
    }

    /** A license of organization B in {@code state} (APPROVED at once, or IN_REVIEW for an identifier column). */
    static String license(String product, String column, String state) {
        Map<String, Object> body = new HashMap<>();
        body.put("productId", product);
        body.put("purposeCategory", "PUBLIC_GOVERNANCE");
        body.put("purposeText", "按区县统计，用于营商环境监测 / district statistics for business-climate monitoring");
        body.put("columns", List.of(column));
        body.put("mode", "DELIVERY");
        body.put("termStart", "2026-12-01");
        body.put("termEnd", "2027-11-30");
        return post("operator-b", "/api/v1/licenses", body).statusCode(201).body("state", equalTo(state)).extract().path("id");
    }

    static String listedProduct(Dataset dataset) {
        Map<String, Object> body = new HashMap<>();
        body.put("datasetId", dataset.id.toString());
        body.put("modes", List.of("DELIVERY"));
        body.put("priceRule", Map.of("kind", "FREE", "unitPriceFen", 0));
        body.put("scenarios", List.of("城市治理 / city governance"));
        body.put("qualityNotes", "测试 / test");
        return post("provider-transport", "/api/v1/products", body).statusCode(201).extract().path("id");
    }

    static JsonPath summary() {
        return given().get("/api/v1/satisfaction/summary").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theOperatorRatesItsDecidedLicense_once_aPoorRatingAndAComplaintOpenCases_theBureauAnswers() {
        TestOrganizations.verified(ORG_B, "京数智能科技有限公司");
        Dataset dataset = TestDatasets.persist("好差评测试", Grade.GENERAL, "dept-transport");
        String product = listedProduct(dataset);
        String decided = license(product, "amount", "APPROVED");
        String undecided = license(product, "person_id", "IN_REVIEW");
        JsonPath before = summary();

        // the person served rates once
        String ratingId = post("operator-b", "/api/v1/ratings", rating("LICENSE_DECISION", decided, "SATISFIED", SECRET_COMMENT))
                .statusCode(201)
                .header("Location", containsString("/api/v1/ratings/"))
                .body("level", equalTo("SATISFIED"))
                .body("ratedBy", equalTo("operator-b"))
                .body("comment", equalTo(SECRET_COMMENT))
                .body("caseId", nullValue())
                .extract().path("id");
        post("operator-b", "/api/v1/ratings", rating("LICENSE_DECISION", decided, "VERY_SATISFIED", null)).statusCode(409)
                .contentType("application/problem+json").body("type", containsString("rating-exists"));
        // another organization's license is not found; an undecided one cannot be rated yet
        post("operator-a", "/api/v1/ratings", rating("LICENSE_DECISION", decided, "SATISFIED", null)).statusCode(404)
                .contentType("application/problem+json").body("type", containsString("event-not-found"));
        post("operator-b", "/api/v1/ratings", rating("LICENSE_DECISION", undecided, "SATISFIED", null)).statusCode(409)
                .contentType("application/problem+json").body("type", containsString("event-not-rateable"));
        post("operator-b", "/api/v1/ratings", rating("LICENSE_DECISION", decided, "GREAT", null)).statusCode(400)
                .body("errors.field", hasItem("level"));
        post("operator-b", "/api/v1/ratings", rating("LICENSE_DECISION", java.util.UUID.randomUUID().toString(), "SATISFIED", null))
                .statusCode(404);
        // the bureau is nobody served by a license decision: it may not rate
        post("reviewer-1", "/api/v1/ratings", rating("LICENSE_DECISION", decided, "SATISFIED", null)).statusCode(403);

        // a poor rating by the organization's developer opens a case, due 15 working days later in the policy's calendar
        JsonPath poor = post("developer-b", "/api/v1/ratings",
                rating("LICENSE_DECISION", decided, "VERY_DISSATISFIED", "等了很久 / took long")).statusCode(201)
                .body("caseId", notNullValue()).extract().jsonPath();
        String poorCase = poor.getString("caseId");
        JsonPath opened = get("developer-b", "/api/v1/cases/" + poorCase).statusCode(200)
                .body("origin", equalTo("RATING"))
                .body("level", equalTo("VERY_DISSATISFIED"))
                .body("status", equalTo("OPEN"))
                .body("overdue", equalTo(false))
                .body("actions", empty())
                .extract().jsonPath();
        assertEquals(dueAfter(opened.getString("openedAt")), opened.getString("answerDue"));

        // a complaint always opens a case
        String complaint = post("operator-b", "/api/v1/complaints",
                Map.of("eventKind", "LICENSE_DECISION", "eventId", decided, "text", COMPLAINT_TEXT)).statusCode(201)
                .header("Location", containsString("/api/v1/cases/"))
                .body("origin", equalTo("COMPLAINT"))
                .body("level", nullValue())
                .body("text", equalTo(COMPLAINT_TEXT))
                .body("status", equalTo("OPEN"))
                .extract().path("id");
        post("operator-b", "/api/v1/complaints", Map.of("eventKind", "LICENSE_DECISION", "eventId", decided)).statusCode(400)
                .body("errors.field", hasItem("text"));
        post("operator-b", "/api/v1/complaints",
                Map.of("eventKind", "LICENSE_DECISION", "eventId", undecided, "text", "x")).statusCode(409);

        // each reads its own cases; the bureau all of them, offered the answer
        get("operator-b", "/api/v1/cases/" + poorCase).statusCode(404);
        get("operator-a", "/api/v1/cases/" + complaint).statusCode(404);
        given().auth().oauth2(KeycloakTokens.of("operator-b")).get("/api/v1/cases").then().statusCode(200)
                .body("items.openedBy", everyItem(equalTo("operator-b"))).body("items.id", hasItem(complaint));
        get("reviewer-1", "/api/v1/cases/" + complaint).statusCode(200).body("actions", contains("answer"));
        given().auth().oauth2(KeycloakTokens.of("reviewer-1")).queryParam("status", "OPEN").get("/api/v1/cases").then()
                .statusCode(200).body("items.id", hasItem(poorCase)).body("items[0].actions", contains("answer"));
        given().auth().oauth2(KeycloakTokens.of("reviewer-1")).queryParam("overdue", "maybe").get("/api/v1/cases").then()
                .statusCode(400);

        // only the bureau answers, in writing
        post("developer-b", "/api/v1/cases/" + poorCase + "/answer", Map.of("answer", "自己答复")).statusCode(403);
        post("operator-a", "/api/v1/cases/" + poorCase + "/answer", Map.of("answer", "别人的")).statusCode(404);
        post("reviewer-1", "/api/v1/cases/" + complaint + "/answer", Map.of("answer", "  ")).statusCode(400)
                .body("errors.field", hasItem("answer"));
        post("reviewer-1", "/api/v1/cases/" + complaint + "/answer", Map.of("answer", "已补充审批理由 / reasons added"))
                .statusCode(200)
                .body("status", equalTo("ANSWERED"))
                .body("answeredBy", equalTo("reviewer-1"))
                .body("overdue", equalTo(false))
                .body("actions", empty());
        post("bureau-admin", "/api/v1/cases/" + complaint + "/answer", Map.of("answer", "again")).statusCode(409);

        // past its due day the poor rating's case is overdue, and answered then it counts as late
        MovablePlatformClock.advance(Duration.ofDays(40));
        given().auth().oauth2(KeycloakTokens.of("reviewer-1")).queryParam("overdue", "true").get("/api/v1/cases").then()
                .statusCode(200).body("items.id", hasItem(poorCase)).body("items.id", not(hasItem(complaint)));
        assertTrue(summary().getLong("cases.overdueNow") >= 1, "the case past its due day counts as overdue now");
        post("reviewer-1", "/api/v1/cases/" + poorCase + "/answer", Map.of("answer", "已整改 / rectified")).statusCode(200)
                .body("status", equalTo("ANSWERED")).body("overdue", equalTo(true));

        // audited: the rating (never its comment), the complaint, the answer
        String ratingAudit = given().auth().oauth2(KeycloakTokens.of("bureau-admin")).queryParam("resourceId", ratingId)
                .get("/api/v1/audit/events").then().statusCode(200).body("items.action", hasItem("rating.create"))
                .extract().asString();
        assertFalse(ratingAudit.contains(SECRET_COMMENT), "no comment in the audit trail");
        String caseAudit = given().auth().oauth2(KeycloakTokens.of("bureau-admin")).queryParam("resourceId", complaint)
                .get("/api/v1/audit/events").then().statusCode(200)
                .body("items.action", hasItem("complaint.create")).body("items.action", hasItem("case.answer"))
                .extract().asString();
        assertFalse(caseAudit.contains(COMPLAINT_TEXT), "no complaint text in the audit trail");

        // the author lists its own ratings; the bureau every one
        given().auth().oauth2(KeycloakTokens.of("operator-b")).queryParam("eventId", decided).get("/api/v1/ratings").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(ratingId));
        given().auth().oauth2(KeycloakTokens.of("reviewer-1")).queryParam("eventId", decided).get("/api/v1/ratings").then()
                .statusCode(200).body("total", equalTo(2)).body("items[0].level", equalTo("VERY_DISSATISFIED"));
        get("operator-a", "/api/v1/ratings/" + ratingId).statusCode(404);
        get("operator-b", "/api/v1/ratings/" + ratingId).statusCode(200).body("id", equalTo(ratingId));

        // the public summary counts them, and shows no comment, text or person
        String publicText = given().get("/api/v1/satisfaction/summary").then().statusCode(200).extract().asString();
        JsonPath after = JsonPath.from(publicText);
        assertEquals(before.getLong("ratings") + 2, after.getLong("ratings"));
        assertEquals(before.getLong("levels.SATISFIED") + 1, after.getLong("levels.SATISFIED"));
        assertEquals(before.getLong("levels.VERY_DISSATISFIED") + 1, after.getLong("levels.VERY_DISSATISFIED"));
        assertEquals(before.getLong("cases.opened") + 2, after.getLong("cases.opened"));
        assertEquals(before.getLong("cases.answeredOnTime") + 1, after.getLong("cases.answeredOnTime"));
        assertEquals(before.getLong("cases.answeredLate") + 1, after.getLong("cases.answeredLate"));
        assertEquals(before.getLong("cases.open"), after.getLong("cases.open"));
        assertEquals(before.getLong("byEventKind.find { it.eventKind == 'LICENSE_DECISION' }.ratings") + 2,
                after.getLong("byEventKind.find { it.eventKind == 'LICENSE_DECISION' }.ratings"));
        for (String secret : List.of(SECRET_COMMENT, COMPLAINT_TEXT, "operator-b", "developer-b", "reviewer-1")) {
            assertFalse(publicText.contains(secret), secret + " is not public");
        }

        // the efficiency figures include them
        JsonPath efficiency = get("reviewer-1", "/api/v1/efficiency").statusCode(200).extract().jsonPath();
        assertEquals(after.getLong("ratings"), efficiency.getLong("satisfaction.ratings"));
        assertEquals(after.getLong("cases.answeredLate"), efficiency.getLong("satisfaction.cases.answeredLate"));
        assertTrue(efficiency.getLong("satisfaction.levels.VERY_DISSATISFIED") >= 1);
    }

    @Test
    void theDepartmentRatesItsDecidedRegistration_otherDepartmentsAreNotFound_aDraftIsNotRateable() {
        Dataset registered = TestDatasets.persist("登记评价", Grade.GENERAL, "dept-transport");
        Dataset draft = TestDatasets.persist("登记草稿", Grade.GENERAL, "dept-transport", RegistrationStatus.DRAFT);
        post("provider-transport", "/api/v1/ratings", rating("REGISTRATION", registered.id.toString(), "BASICALLY_SATISFIED", null))
                .statusCode(201).body("eventKind", equalTo("REGISTRATION")).body("caseId", nullValue());
        post("provider-market", "/api/v1/ratings", rating("REGISTRATION", registered.id.toString(), "SATISFIED", null))
                .statusCode(404);
        post("provider-transport", "/api/v1/ratings", rating("REGISTRATION", draft.id.toString(), "SATISFIED", null))
                .statusCode(409).body("type", containsString("event-not-rateable"));
        // a sandbox job nobody submitted is no event of the caller's
        post("developer-b", "/api/v1/ratings", rating("RESULT_RELEASE", java.util.UUID.randomUUID().toString(), "SATISFIED", null))
                .statusCode(404);
        given().get("/api/v1/satisfaction/summary").then().statusCode(200)
                .body("byEventKind.eventKind", contains("LICENSE_DECISION", "RESULT_RELEASE", "REGISTRATION"))
                .body("cases.opened", notNullValue());
        given().get("/api/v1/ratings").then().statusCode(401);
        // the lists are the one Page envelope in the contract
        JsonPath document = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        assertEquals("#/components/schemas/PageCaseView",
                document.getString("paths.'/api/v1/cases'.get.responses.'200'.content.'application/json'.schema.$ref"));
        assertEquals("#/components/schemas/PageRatingView",
                document.getString("paths.'/api/v1/ratings'.get.responses.'200'.content.'application/json'.schema.$ref"));
        given().get("/api/v1/cases").then().statusCode(401).contentType(startsWith("application/problem+json"));
    }

    /** The day a case opened at {@code openedAt} is due, counted independently with the policy data's calendar. */
    static String dueAfter(String openedAt) {
        try {
            ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
            JsonNode data = json.readTree(Path.of("..", "policy", "data.json").toFile());
            PolicyCalendar calendar = json.treeToValue(data.at("/pdx/config/calendar"), PolicyCalendar.class);
            int days = data.at("/pdx/config/satisfaction/answer_working_days").asInt();
            assertEquals(15, days);
            return calendar.workingDays().after(OffsetDateTime.parse(openedAt).toInstant(), days).toString();
        } catch (IOException failure) {
            throw new IllegalStateException("policy/data.json unreadable", failure);
        }
    }
}
