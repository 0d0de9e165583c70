package io.pdx.marketplace.catalog.registration;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.pdx.marketplace.catalog.registration.RegistrationResourceTest.PROVIDER;
import static io.pdx.marketplace.catalog.registration.RegistrationResourceTest.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

/**
 * The grade a draft is proposed, from the real policy ({@code data.pdx.grading.proposal}): with the reasons in zh and
 * en, for whoever may draft; nothing stored.
 */
@Tag("stack") // needs the real stack: ./pdx test starts it; the fast tier leaves it out
@QuarkusTest
class GradeProposalTest {

    static Map<String, Object> column(String name, String tag) {
        return Map.of("name", name, "tag", tag);
    }

    @Test
    void sensitiveValues_areProposedImportant_identifiersBelowScaleGeneral_withThePolicysReasons() {
        post(PROVIDER, "/api/v1/grade-proposals", Map.of("category", "交通/公共交通", "rowCount", 1200,
                "columns", List.of(column("person_id", "IDENTIFIER"), column("diagnosis", "SENSITIVE"))))
                .statusCode(200)
                .body("grade", equalTo("IMPORTANT"))
                .body("reasons.code", containsInAnyOrder("sensitive_columns", "identifier_columns_present"))
                .body("reasons.message_zh", everyItem(not(emptyOrNullString())))
                .body("reasons.message_en", everyItem(not(emptyOrNullString())));
        post(PROVIDER, "/api/v1/grade-proposals", Map.of("category", "交通/公共交通", "rowCount", 1200,
                "columns", List.of(column("card_id", "IDENTIFIER"), column("fare", "METRIC"))))
                .statusCode(200)
                .body("grade", equalTo("GENERAL"))
                .body("reasons.code", hasItem("no_important_indicator"));
        post(PROVIDER, "/api/v1/grade-proposals", Map.of("category", "交通/公共交通", "rowCount", 5_000_000,
                "columns", List.of(column("card_id", "IDENTIFIER"), column("fare", "METRIC"))))
                .statusCode(200)
                .body("grade", equalTo("IMPORTANT"))
                .body("reasons.code", hasItem("large_scale_personal_data"));
    }

    @Test
    void onlyThoseWhoMayDraft_ask_andBadInputIsNamed() {
        Map<String, Object> body = Map.of("columns", List.of(column("a", "ATTRIBUTE")));
        post("operator-a", "/api/v1/grade-proposals", body).statusCode(403);
        given().contentType("application/json").body(body).post("/api/v1/grade-proposals").then().statusCode(401);
        post(PROVIDER, "/api/v1/grade-proposals", Map.of("columns", List.of())).statusCode(400)
                .body("errors.field", hasItem("columns"));
        post(PROVIDER, "/api/v1/grade-proposals", Map.of("columns", List.of(Map.of("name", "a")))).statusCode(400)
                .body("errors.field", hasItem("columns[0].tag"));
        // an enum by name only: a number is not an ordinal
        post(PROVIDER, "/api/v1/grade-proposals", Map.of("columns", List.of(Map.of("name", "a", "tag", 0)))).statusCode(400);
    }
}
