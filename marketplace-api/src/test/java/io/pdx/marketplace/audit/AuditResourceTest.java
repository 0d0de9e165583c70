package io.pdx.marketplace.audit;

import org.junit.jupiter.api.Tag;
import io.pdx.contracts.identity.Uscc;
import io.pdx.marketplace.testing.KeycloakTokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The audit trail over the real PostgreSQL: events of state changes, a verifiable chain, no edits. */
@Tag("stack") // needs the real stack: ./pdx test starts it; the fast tier leaves it out
@QuarkusTest
class AuditResourceTest {

    private static final java.util.concurrent.atomic.AtomicLong UNIQUE = new java.util.concurrent.atomic.AtomicLong();

    private static String registeredAndVerifiedOrganization() {
        String first17 = "9135010" + Long.toString((System.nanoTime() + UNIQUE.incrementAndGet() * 7_919) % 10_000_000_000L);
        first17 = (first17 + "0000000000").substring(0, 17);
        String uscc = first17 + Uscc.checkCharacter(first17);
        given().auth().oauth2(KeycloakTokens.of("bureau-admin")).contentType(ContentType.JSON)
                .body(Map.of("name", "审计测试公司" + uscc, "uscc", uscc, "legalRepresentative", "张伟",
                        "contactName", "王芳", "contactPhone", "0591-88888888", "contactEmail", "audit@example.cn"))
                .post("/api/v1/organizations").then().statusCode(201);
        given().auth().oauth2(KeycloakTokens.of("reviewer-1")).contentType(ContentType.JSON)
                .post("/api/v1/organizations/" + uscc + "/verify").then().statusCode(200);
        return uscc;
    }

    @Test
    void stateChanges_areEvents_withTheirActors_inOrder() {
        String uscc = registeredAndVerifiedOrganization();
        given().auth().oauth2(KeycloakTokens.of("bureau-admin")).queryParam("resourceId", uscc)
                .get("/api/v1/audit/events")
                .then().statusCode(200)
                .body("items.action", contains("organization.create", "organization.verify"))
                .body("items.actor", contains("bureau-admin", "reviewer-1"))
                .body("total", equalTo(2))
                .body("items[1].prevHash", equalTo(given().auth().oauth2(KeycloakTokens.of("bureau-admin"))
                        .queryParam("resourceId", uscc).get("/api/v1/audit/events").then().extract().path("items[0].hash")));
    }

    @Test
    void concurrentChanges_stillFormOneChain() throws Exception {
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<String>> done = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                done.add(clients.submit(AuditResourceTest::registeredAndVerifiedOrganization));
            }
            for (var future : done) {
                future.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }
        // 24 events written by up to six transactions at once: each links to the one before it
        given().auth().oauth2(KeycloakTokens.of("bureau-admin")).get("/api/v1/audit/verify")
                .then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void verify_recomputesTheWholeChain() {
        registeredAndVerifiedOrganization();
        given().auth().oauth2(KeycloakTokens.of("bureau-admin")).get("/api/v1/audit/verify")
                .then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void onlyTheAdministratorReadsTheTrail() {
        given().auth().oauth2(KeycloakTokens.of("operator-a")).get("/api/v1/audit/events").then().statusCode(403);
        given().get("/api/v1/audit/verify").then().statusCode(401);
    }

    @Test
    void theDatabaseRefusesToEditOrDeleteAnEvent() {
        registeredAndVerifiedOrganization();
        for (String statement : List.of("update audit_event set actor = 'someone else'", "delete from audit_event")) {
            Throwable refused = assertThrows(Throwable.class, () -> VertxContextSupport.subscribeAndAwait(() ->
                    Panache.withTransaction(() -> Panache.getSession().flatMap(session ->
                            session.createNativeQuery(statement).executeUpdate()))));
            assertEquals(true, String.valueOf(rootMessage(refused)).contains("append-only"), rootMessage(refused));
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
