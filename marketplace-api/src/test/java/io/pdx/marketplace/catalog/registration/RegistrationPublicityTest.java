package io.pdx.marketplace.catalog.registration;

import io.pdx.contracts.catalog.ColumnSpec;
import io.pdx.contracts.catalog.DatasetSchema;
import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.catalog.certificate.CertificateKey;
import io.pdx.marketplace.sandbox.SandboxFixtures;
import io.pdx.marketplace.testing.KeycloakTokens;
import io.pdx.marketplace.time.MovablePlatformClock;
import io.pdx.marketplace.testing.SandboxRunnerProcess;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.pdx.marketplace.catalog.registration.RegistrationResourceTest.PROVIDER;
import static io.pdx.marketplace.catalog.registration.RegistrationResourceTest.created;
import static io.pdx.marketplace.catalog.registration.RegistrationResourceTest.draft;
import static io.pdx.marketplace.catalog.registration.RegistrationResourceTest.post;
import static io.pdx.marketplace.catalog.registration.RegistrationResourceTest.uniqueName;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Registration per 公共数据资源登记管理暂行办法 against the real policy: formal review into publicity, objections in
 * the window (once per person, four eyes to uphold), the window's end on the platform's clock (which the test moves),
 * the platform concluding, amendments that change, break or cancel, and the signed certificate.
 */
@Tag("stack") // needs the real stack: ./pdx test starts it; the fast tier leaves it out
@QuarkusTest
@WithTestResource(SandboxRunnerProcess.class) // the demo datasets' manifest is the runner's: it writes target/sandbox-data
class RegistrationPublicityTest {

    static final String PROBLEMS = "https://pdx.example/problems/";

    @Inject
    PublicityCloser closer;
    @Inject
    CertificateKey key;

    @AfterEach
    void clockBack() {
        MovablePlatformClock.reset();
    }

    static String submitted() {
        String id = created(PROVIDER, draft(uniqueName()));
        post(PROVIDER, "/api/v1/datasets/" + id + "/submit", null).statusCode(200);
        return id;
    }

    static ValidatableResponse objection(String user, String id, String reasons) {
        return post(user, "/api/v1/datasets/" + id + "/objections", reasons == null ? Map.of() : Map.of("reasons", reasons));
    }

    static ValidatableResponse answer(String user, String objection, String verb) {
        return post(user, "/api/v1/objections/" + objection + "/" + verb, Map.of("answer", "书面答复 / written answer " + verb));
    }

    @Test
    void accepted_entersPublicity_forThePolicysDays_listedPublicly_andCannotRegisterBeforeItsEnd() {
        String id = submitted();
        OffsetDateTime before = OffsetDateTime.now();
        String endsAt = post("reviewer-1", "/api/v1/datasets/" + id + "/accept", null).statusCode(200)
                .body("status", equalTo("PUBLICITY"))
                .body("publicityStartedAt", notNullValue())
                .extract().path("publicityEndsAt");
        Duration window = Duration.between(before, OffsetDateTime.parse(endsAt));
        assertTrue(window.compareTo(Duration.ofDays(10).minusMinutes(1)) > 0 && window.compareTo(Duration.ofDays(10).plusMinutes(1)) < 0,
                "the window is the policy's 10 days: " + window);
        given().get("/api/v1/registrations/publicity").then().statusCode(200)
                .body("items.find { it.datasetId == '" + id + "' }.holderCreditCode", equalTo("11350100003591002C"))
                .body("items.find { it.datasetId == '" + id + "' }.objectionsPending", equalTo(0));
        post("reviewer-1", "/api/v1/datasets/" + id + "/register", null).statusCode(409)
                .body("type", startsWith(PROBLEMS + "publicity-open"));
        post(PROVIDER, "/api/v1/datasets/" + id + "/accept", null).statusCode(403);
    }

    @Test
    void objections_oncePerPerson_inTheWindow_readByTheHolder_andHoldTheRegistration() {
        String id = submitted();
        post("reviewer-1", "/api/v1/datasets/" + id + "/accept", null).statusCode(200);
        objection("operator-a", id, " ").statusCode(400).body("errors.field", hasItem("reasons"));
        String first = objection("operator-a", id, "数据来源有误 / the source is wrong").statusCode(201)
                .body("status", equalTo("OPEN")).extract().path("id");
        objection("operator-a", id, "again").statusCode(409).body("type", startsWith(PROBLEMS + "objection-exists"));
        objection("developer-b", id, "覆盖范围不实 / coverage overstated").statusCode(201);
        given().auth().oauth2(KeycloakTokens.of("operator-a")).get("/api/v1/datasets/" + id + "/objections")
                .then().statusCode(200).body("items.id", contains(first));
        given().auth().oauth2(KeycloakTokens.of(PROVIDER)).get("/api/v1/datasets/" + id + "/objections")
                .then().statusCode(200).body("total", equalTo(2));
        given().get("/api/v1/registrations/publicity").then()
                .body("items.find { it.datasetId == '" + id + "' }.objectionsPending", equalTo(2));

        MovablePlatformClock.advance(Duration.ofDays(11));
        objection("operator-b", id, "late").statusCode(409).body("type", startsWith(PROBLEMS + "objection-window-closed"));
        post("reviewer-1", "/api/v1/datasets/" + id + "/register", null).statusCode(409)
                .body("type", startsWith(PROBLEMS + "objections-pending"));
        await(() -> closer.concludeDue());
        given().auth().oauth2(KeycloakTokens.of(PROVIDER)).get("/api/v1/datasets/" + id).then()
                .body("status", equalTo("PUBLICITY")); // the platform does not conclude it while objections are pending
    }

    static <T> T await(java.util.function.Supplier<io.smallrye.mutiny.Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable failure) {
            throw new IllegalStateException(failure);
        }
    }

    @Test
    void anUpheldObjection_needsTwoReviewers_andSendsTheRegistrationBackToReview() {
        String id = submitted();
        post("reviewer-1", "/api/v1/datasets/" + id + "/accept", null).statusCode(200);
        String objection = objection("operator-a", id, "名称与实际不符 / the name misleads").statusCode(201).extract().path("id");
        answer("operator-a", objection, "uphold").statusCode(404); // an operator may not even see it
        answer("reviewer-1", objection, "uphold").statusCode(200).body("status", equalTo("UPHOLD_PROPOSED"));
        answer("reviewer-1", objection, "confirm").statusCode(403);
        answer("reviewer-2", objection, "confirm").statusCode(200).body("status", equalTo("UPHELD"))
                .body("answer", containsString("confirm"));
        given().auth().oauth2(KeycloakTokens.of(PROVIDER)).get("/api/v1/datasets/" + id).then()
                .body("status", equalTo("SUBMITTED")).body("returnReasons[0]", containsString("objection upheld"));
        answer("reviewer-1", objection, "dismiss").statusCode(409);
        post(PROVIDER, "/api/v1/objections/" + UUID.randomUUID() + "/dismiss", Map.of("answer", "x")).statusCode(404);
    }

    @Test
    void aDismissedObjection_letsTheWindowEnd_andThePlatformConcludes_withASignedCertificate() {
        String id = submitted();
        post("reviewer-1", "/api/v1/datasets/" + id + "/accept", null).statusCode(200);
        String objection = objection("operator-b", id, "重复登记 / registered twice").statusCode(201).extract().path("id");
        post("reviewer-2", "/api/v1/objections/" + objection + "/dismiss", Map.of()).statusCode(400);
        answer("reviewer-2", objection, "dismiss").statusCode(200).body("status", equalTo("DISMISSED"));
        MovablePlatformClock.advance(Duration.ofDays(11));
        await(() -> closer.concludeDue());
        String code = given().auth().oauth2(KeycloakTokens.of(PROVIDER)).get("/api/v1/datasets/" + id).then()
                .body("status", equalTo("REGISTERED")).extract().path("certificateNo");

        var verification = given().get("/api/v1/certificates/" + code).then().statusCode(200)
                .body("status", equalTo("VALID"))
                .body("certificate.code", equalTo(code))
                .body("certificate.holderCreditCode", equalTo("11350100003591002C"))
                .body("algorithm", equalTo("Ed25519"))
                .body("keyId", equalTo(key.keyId()))
                .extract();
        String canonical = verification.path("canonical");
        assertTrue(key.verify(canonical.getBytes(StandardCharsets.UTF_8), Base64.getDecoder().decode((String) verification.path("signature"))));
        assertTrue(canonical.contains("\"code\":\"" + code + "\""), canonical);
        byte[] tampered = canonical.replace(code, code + "X").getBytes(StandardCharsets.UTF_8);
        assertTrue(!key.verify(tampered, Base64.getDecoder().decode((String) verification.path("signature"))));

        byte[] pdf = given().get("/api/v1/certificates/" + code + "/pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
        given().get("/api/v1/certificates/public-key").then().statusCode(200)
                .body(startsWith("-----BEGIN PUBLIC KEY-----"));
        given().get("/api/v1/certificates/PDX-350100-1999-999999").then().statusCode(404)
                .contentType("application/problem+json").body("type", startsWith(PROBLEMS + "certificate-not-found"));
    }

    @Test
    void aCancellation_cancelsTheRegistration_andItsCertificateSaysSo() {
        String id = RegistrationResourceTest.registered(draft(uniqueName()));
        String original = given().auth().oauth2(KeycloakTokens.of(PROVIDER)).get("/api/v1/datasets/" + id).then()
                .extract().path("certificateNo");
        String product = post(PROVIDER, "/api/v1/products", Map.of("datasetId", id, "modes", List.of("DELIVERY"),
                "priceRule", Map.of("kind", "FREE", "unitPriceFen", 0), "scenarios", List.of("城市治理 / city governance"),
                "qualityNotes", "测试 / test")).statusCode(201).body("status", equalTo("LISTED")).extract().path("id");
        post(PROVIDER, "/api/v1/datasets/" + id + "/versions", Map.of("type", "REMOVAL", "reason", "x")).statusCode(400)
                .body("errors.field", hasItem("type"));
        post(PROVIDER, "/api/v1/datasets/" + id + "/versions", Map.of("type", "CANCELLATION")).statusCode(400)
                .body("errors.field", hasItem("reason"));
        String cancellation = post(PROVIDER, "/api/v1/datasets/" + id + "/versions",
                        Map.of("type", "CANCELLATION", "reason", "停止采集 / no longer collected")).statusCode(201)
                .body("registrationType", equalTo("CANCELLATION")).body("amends", equalTo(id))
                .extract().path("id");
        post(PROVIDER, "/api/v1/datasets/" + cancellation + "/submit", null).statusCode(200);
        RegistrationResourceTest.throughPublicity(cancellation).body("status", equalTo("CANCELLED"));
        given().auth().oauth2(KeycloakTokens.of("bureau-admin")).get("/api/v1/datasets/" + id).then()
                .body("status", equalTo("CANCELLED"));
        String cancellationCode = given().auth().oauth2(KeycloakTokens.of("bureau-admin")).get("/api/v1/datasets/" + cancellation)
                .then().extract().path("certificateNo");
        given().get("/api/v1/certificates/" + original).then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("replacedBy", equalTo(cancellationCode));
        given().get("/api/v1/certificates/" + cancellationCode).then().statusCode(200)
                .body("certificate.registrationType", equalTo("CANCELLATION"))
                .body("certificate.amendsCode", equalTo(original));
        given().get("/api/v1/datasets/" + id).then().statusCode(404); // out of the public catalog
        // its products are delisted by the platform, with the reason
        given().auth().oauth2(KeycloakTokens.of("bureau-admin")).get("/api/v1/products/" + product).then().statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("withdrawalReason", containsString("注销"));
        given().auth().oauth2(KeycloakTokens.of("bureau-admin")).queryParam("resourceId", product).get("/api/v1/audit/events")
                .then().statusCode(200).body("items.action", hasItem("product.delist"));
    }

    @Test
    void aChangeThatDropsALicensedColumn_isRefused_namingTheLicense() {
        Dataset bus = SandboxFixtures.dataset("bus_card_swipes");
        String product = SandboxFixtures.product(bus, List.of("DELIVERY", "SANDBOX"), "FREE", 0);
        String license = SandboxFixtures.activeLicense(product, List.of("route_id", "fare_cents"), "SANDBOX", "PUBLIC_GOVERNANCE");
        String change = post(PROVIDER, "/api/v1/datasets/" + bus.id + "/versions",
                Map.of("type", "CHANGE", "reason", "字段调整 / columns change")).statusCode(201).extract().path("id");
        await(() -> Panache.withTransaction(() -> Dataset.<Dataset>findById(UUID.fromString(change))
                .invoke(dataset -> dataset.schema = new DatasetSchema(dataset.schema.columns().stream()
                        .filter(column -> !column.name().equals("fare_cents")).toList()))));
        post(PROVIDER, "/api/v1/datasets/" + change + "/submit", null).statusCode(409)
                .body("type", startsWith(PROBLEMS + "breaks-licenses"))
                .body("detail", containsString(license))
                .body("detail", containsString("fare_cents"));
        given().auth().oauth2(KeycloakTokens.of(PROVIDER)).get("/api/v1/datasets/" + change).then().body("status", equalTo("DRAFT"));
    }
}
