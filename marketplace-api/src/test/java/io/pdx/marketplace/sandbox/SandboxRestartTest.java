package io.pdx.marketplace.sandbox;

import org.junit.jupiter.api.Tag;
import io.pdx.marketplace.testing.KeycloakTokens;
import io.pdx.marketplace.testing.SandboxRunnerProcess;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.UUID;

import static io.pdx.marketplace.sandbox.SandboxFixtures.run;
import static io.pdx.marketplace.sandbox.SandboxFixtures.submit;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Jobs survive restarts: results stored by sandbox-runner outlive it; a job this instance finds
 * RUNNING from before is completed from the stored result or ends FAILED with its ε refunded; with
 * the runner down nothing is admitted or charged.
 */
@Tag("stack") // needs the real stack: ./pdx test starts it; the fast tier leaves it out
@QuarkusTest
@WithTestResource(SandboxRunnerProcess.class)
class SandboxRestartTest {

    static String busLicense;
    static String claimsLicense;

    @Inject
    JobQueue queue;

    @BeforeEach
    void licenses() {
        if (busLicense != null) {
            return;
        }
        SandboxFixtures.Licensed licensed = SandboxFixtures.licensed(0);
        busLicense = licensed.busLicense();
        claimsLicense = licensed.claimsLicense();
    }

    @Test
    void aReleasedResult_outlivesARestartOfTheRunner() {
        String id = run(busLicense, SandboxJobTest.BY_DISTRICT).body("state", equalTo("RELEASED")).extract().path("id");
        byte[] before = result(id);
        SandboxRunnerProcess.restart();
        assertArrayEquals(before, result(id));
    }

    @Test
    void withTheRunnerDown_submissionIsA503_andNothingIsAdmitted() {
        int before = jobs();
        SandboxRunnerProcess.stopProcess();
        try {
            submit(busLicense, SandboxJobTest.BY_DISTRICT).statusCode(503).contentType("application/problem+json");
        } finally {
            SandboxRunnerProcess.restart();
        }
        assertEquals(before, jobs());
    }

    @Test
    void aJobLeftRunning_isCompletedFromTheStoredResult_orFailsKeepingItsEpsilon() throws Throwable {
        String finished = run(claimsLicense, SandboxJobTest.CLAIMS_BY_GENDER)
                .body("state", equalTo("AWAITING_RELEASE")).body("epsilon", equalTo(0.55f)).extract().path("id");
        UUID lost = UUID.randomUUID();
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession().flatMap(session -> session
                .createNativeQuery("UPDATE sandbox_job SET state = 'RUNNING', summary = NULL, started_at = now() - interval '1 minute'"
                        + " WHERE id = :id").setParameter("id", UUID.fromString(finished)).executeUpdate()
                .flatMap(updated -> session.createNativeQuery("INSERT INTO sandbox_job (id, license_id, dataset_id, organization,"
                        + " submitted_by, submitted_sql, sql_text, sql_sha256, grade, state, epsilon_micros, delta_picos, controls,"
                        + " created_at, started_at, updated_at) SELECT :lost, license_id, dataset_id, organization, submitted_by,"
                        + " submitted_sql, sql_text, sql_sha256, grade, 'RUNNING', 1000000, 100000, controls, now(),"
                        + " now() - interval '1 minute', now()"
                        + " FROM sandbox_job WHERE id = :id")
                        .setParameter("lost", lost).setParameter("id", UUID.fromString(finished)).executeUpdate()))));

        VertxContextSupport.subscribeAndAwait(() -> queue.recoverExpired());

        given().auth().oauth2(KeycloakTokens.of("reviewer-1")).get("/api/v1/sandbox/jobs/" + finished + "?wait=PT10S")
                .then().statusCode(200).body("state", equalTo("AWAITING_RELEASE")).body("result.noise", equalTo("DISCRETE_LAPLACE"));
        given().auth().oauth2(KeycloakTokens.of("developer-a")).get("/api/v1/sandbox/jobs/" + lost)
                .then().statusCode(200).body("state", equalTo("FAILED"))
                .body("failure.reasons[0].code", equalTo("interrupted"))
                .body("epsilon", equalTo(1)); // it may have read data: the charge stands
    }

    @Test
    void aJobNotYetRunning_canBeCancelled_givingItsEpsilonBack_andAFinishedOneCannot() throws Throwable {
        String finished = run(busLicense, SandboxJobTest.BY_DISTRICT).body("state", equalTo("RELEASED")).extract().path("id");
        UUID waiting = UUID.randomUUID();
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession().flatMap(session -> session
                .createNativeQuery("INSERT INTO sandbox_job (id, license_id, dataset_id, organization, submitted_by, submitted_sql,"
                        + " sql_text, sql_sha256, grade, state, epsilon_micros, controls, created_at, updated_at)"
                        + " SELECT :waiting, license_id, dataset_id, organization, submitted_by, submitted_sql, sql_text, sql_sha256,"
                        + " grade, 'QUEUED', 1000000, controls, now(), now() FROM sandbox_job WHERE id = :id")
                .setParameter("waiting", waiting).setParameter("id", UUID.fromString(finished)).executeUpdate())));

        SandboxFixtures.post("developer-b", "/api/v1/sandbox/jobs/" + waiting + "/cancel", null).statusCode(404);
        SandboxFixtures.post("developer-a", "/api/v1/sandbox/jobs/" + waiting + "/cancel", null).statusCode(200)
                .body("state", equalTo("CANCELLED")).body("epsilon", equalTo(0));
        SandboxFixtures.post("developer-a", "/api/v1/sandbox/jobs/" + waiting + "/cancel", null).statusCode(409)
                .contentType("application/problem+json");
        SandboxFixtures.post("developer-a", "/api/v1/sandbox/jobs/" + finished + "/cancel", null).statusCode(409);
    }

    private static byte[] result(String id) {
        return given().auth().oauth2(KeycloakTokens.of("developer-a")).get("/api/v1/sandbox/jobs/" + id + "/result")
                .then().statusCode(200).extract().asByteArray();
    }

    private static int jobs() {
        return given().auth().oauth2(KeycloakTokens.of("developer-a")).get("/api/v1/sandbox/jobs")
                .then().statusCode(200).extract().path("total");
    }
}
