package io.pdx.marketplace.licensing;

import io.pdx.contracts.Grade;
import io.pdx.contracts.catalog.RegistrationStatus;
import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.testing.KeycloakTokens;
import io.pdx.marketplace.testing.TestDatasets;
import io.pdx.marketplace.testing.TestOrganizations;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * A license's term holds at the moment of each request, not when the periodic expiry gets to it: a DELIVERY license
 * that is still ACTIVE streams nothing before its first or after its last day, and an application for a term that has
 * already ended is never 秒批.
 */
@Tag("stack") // needs the real stack: ./pdx test starts it; the fast tier leaves it out
@QuarkusTest
class LicenseTermTest {

    static final String ORG_A = "91350100M000100Y43";
    static final ZoneId BUREAU = ZoneId.of("Asia/Shanghai");

    private String product;

    @BeforeEach
    void aGeneralDeliveryProduct() {
        TestOrganizations.verified(ORG_A, "闽数科技有限公司");
        Dataset dataset = TestDatasets.persist("期限测试", Grade.GENERAL, "dept-transport", RegistrationStatus.REGISTERED,
                d -> d.dataFile = "bus_card_swipes.parquet");
        Map<String, Object> body = new HashMap<>();
        body.put("datasetId", dataset.id.toString());
        body.put("modes", List.of("DELIVERY"));
        body.put("priceRule", Map.of("kind", "FREE", "unitPriceFen", 0));
        body.put("scenarios", List.of("测试 / test"));
        body.put("qualityNotes", "合成数据 / synthetic");
        body.put("holderConsent", Map.of("document", "数源单位同意函（测试） / the department's consent letter (test)"));
        product = post("bureau-admin", "/api/v1/products", body).statusCode(201).extract().path("id");
    }

    @Test
    void anApplicationForATermThatHasEnded_isDenied_neverAutoApproved() {
        LocalDate today = LocalDate.now(BUREAU);
        apply(today.minusYears(1), today.minusDays(1)).statusCode(201)
                .body("state", equalTo("DENIED"))
                .body("decisionOutcome", equalTo("DENY"))
                .body("decisionReasons.code", equalTo(List.of("term_ended")));
        // the last day of a term is in it
        apply(today.minusYears(1), today).statusCode(201).body("state", equalTo("APPROVED"));
    }

    @Test
    void anActiveDeliveryLicense_streamsNothingAfterItsLastDay_evenBeforeTheExpiryJobRuns() throws Throwable {
        LocalDate today = LocalDate.now(BUREAU);
        String license = activeDelivery(today.minusMonths(1), today.plusMonths(6));
        setTerm(license, today.minusYears(1), today.minusDays(1));
        given().auth().oauth2(KeycloakTokens.of("operator-a")).get("/api/v1/licenses/" + license).then().statusCode(200)
                .body("state", equalTo("ACTIVE"));
        delivery().statusCode(403).contentType("application/problem+json")
                .body("reasons.code", equalTo(List.of("license_expired")));
    }

    @Test
    void anActiveDeliveryLicense_streamsNothingBeforeItsFirstDay() throws Throwable {
        LocalDate today = LocalDate.now(BUREAU);
        String license = activeDelivery(today, today.plusMonths(6));
        setTerm(license, today.plusDays(1), today.plusMonths(6));
        delivery().statusCode(403).contentType("application/problem+json")
                .body("reasons.code", equalTo(List.of("license_not_started")));
    }

    private ValidatableResponse delivery() {
        return given().auth().oauth2(KeycloakTokens.of("developer-a"))
                .get("/api/v1/products/" + product + "/delivery?format=json&limit=5").then();
    }

    private String activeDelivery(LocalDate start, LocalDate end) {
        String id = apply(start, end).statusCode(201).body("state", equalTo("APPROVED")).extract().path("id");
        post("operator-a", "/api/v1/licenses/" + id + "/accept", null).statusCode(200).body("state", equalTo("ACTIVE"));
        return id;
    }

    /** The term moved under an ACTIVE license, as time passing would move today past it. */
    private static void setTerm(String license, LocalDate start, LocalDate end) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession().flatMap(session -> session
                .createNativeQuery("UPDATE license SET term_start = :start, term_end = :end WHERE id = :id")
                .setParameter("start", start).setParameter("end", end)
                .setParameter("id", UUID.fromString(license)).executeUpdate())));
    }

    private ValidatableResponse apply(LocalDate start, LocalDate end) {
        Map<String, Object> application = new HashMap<>();
        application.put("productId", product);
        application.put("purposeCategory", "PUBLIC_GOVERNANCE");
        application.put("purposeText", "期限测试 / term test");
        application.put("columns", List.of("amount"));
        application.put("mode", "DELIVERY");
        application.put("termStart", start.toString());
        application.put("termEnd", end.toString());
        return post("operator-a", "/api/v1/licenses", application);
    }

    private static ValidatableResponse post(String user, String path, Object body) {
        var request = given().auth().oauth2(KeycloakTokens.of(user)).contentType(ContentType.JSON);
        return (body == null ? request : request.body(body)).post(path).then();
    }
}
