package io.pdx.marketplace.sandbox;

import org.junit.jupiter.api.Tag;
import io.pdx.marketplace.testing.KeycloakTokens;
import io.pdx.marketplace.testing.SandboxRunnerProcess;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.pdx.marketplace.sandbox.SandboxFixtures.run;
import static io.pdx.marketplace.sandbox.SandboxFixtures.submit;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The attacks the sandbox must refuse, each against the real stack: a clear problem+json with a
 * reason code, no echo of the attack's values, and nothing changed (no job, no ε, no file).
 */
@Tag("stack") // needs the real stack: ./pdx test starts it; the fast tier leaves it out
@QuarkusTest
@WithTestResource(SandboxRunnerProcess.class)
class SandboxAttackTest {

    static String busLicense;
    static String claimsLicense;

    @BeforeEach
    void licenses() {
        if (busLicense != null) {
            return;
        }
        SandboxFixtures.Licensed licensed = SandboxFixtures.licensed(0);
        busLicense = licensed.busLicense();
        claimsLicense = licensed.claimsLicense();
    }

    /**
     * grade (which license), the status and reason code of the refusal — exactly, so that a statement refused for
     * another reason than the one this row attacks, or with another status, fails —, the statement, a value that must
     * not be echoed.
     */
    @ParameterizedTest(name = "[{index}] {3}")
    @CsvSource(delimiter = '|', textBlock = """
            GENERAL   | 422 | table_function_not_allowed    | SELECT * FROM read_csv('/etc/passwd')                                                 | /etc/passwd
            GENERAL   | 422 | table_function_not_allowed    | SELECT * FROM '/etc/passwd'                                                           | /etc/passwd
            GENERAL   | 422 | table_function_not_allowed    | SELECT * FROM read_text('/etc/passwd')                                                | /etc/passwd
            GENERAL   | 422 | table_function_not_allowed    | SELECT * FROM glob('/etc/*')                                                          | /etc/
            GENERAL   | 422 | table_function_not_allowed    | SELECT content FROM read_blob('/etc/shadow')                                          | /etc/shadow
            GENERAL   | 422 | sql_syntax                    | COPY bus_card_swipes TO '/tmp/pdx-leak.csv'                                           | pdx-leak
            GENERAL   | 422 | sql_syntax                    | COPY (SELECT route_id FROM bus_card_swipes) TO '/tmp/pdx-leak.csv' (FORMAT csv)       | pdx-leak
            GENERAL   | 422 | sql_syntax                    | ATTACH '/tmp/pdx-leak.duckdb' AS leak                                                 | pdx-leak
            GENERAL   | 422 | sql_syntax                    | INSTALL httpfs                                                                        | httpfs
            GENERAL   | 422 | sql_syntax                    | LOAD httpfs                                                                           | httpfs
            GENERAL   | 422 | select_only                   | SET enable_external_access = true                                                     | enable_external_access
            GENERAL   | 422 | sql_syntax                    | PRAGMA database_list                                                                  | database_list
            GENERAL   | 422 | select_only                   | CALL pragma_version()                                                                 | pragma_version
            GENERAL   | 422 | select_only                   | CREATE TABLE leak AS SELECT * FROM bus_card_swipes                                    | leak
            GENERAL   | 422 | single_statement_only         | SELECT count(*) AS n FROM bus_card_swipes; DROP TABLE bus_card_swipes                 | DROP
            GENERAL   | 422 | single_statement_only         | SELECT route_id FROM bus_card_swipes; SELECT getenv('HOME')                           | HOME
            GENERAL   | 422 | join_not_allowed              | SELECT count(*) AS n FROM bus_card_swipes a, bus_card_swipes b                        | xx-none
            GENERAL   | 422 | join_not_allowed              | SELECT count(*) AS n FROM bus_card_swipes a CROSS JOIN bus_card_swipes b              | xx-none
            GENERAL   | 422 | self_join_not_allowed         | SELECT a.route_id, count(*) AS n FROM bus_card_swipes a JOIN bus_card_swipes b ON a.card_id = b.card_id GROUP BY a.route_id | xx-none
            GENERAL   | 422 | column_not_licensed           | SELECT route_id, fare_cents FROM bus_card_swipes WHERE card_id = 'FZ000000042'        | FZ000000042
            GENERAL   | 422 | order_statistic_not_allowed   | SELECT route_id, min(swipe_time) AS first_seen FROM bus_card_swipes GROUP BY route_id | xx-none
            GENERAL   | 422 | column_not_licensed           | SELECT card_id FROM bus_card_swipes                                                   | xx-none
            GENERAL   | 422 | function_not_allowed          | SELECT current_setting('memory_limit') AS m FROM bus_card_swipes                      | memory_limit
            IMPORTANT | 422 | row_level_output_not_allowed  | SELECT * FROM medical_insurance_claims                                                | xx-none
            IMPORTANT | 422 | column_use_not_allowed        | SELECT lower(id_card_no) AS x, count(*) AS n FROM medical_insurance_claims GROUP BY lower(id_card_no) | xx-none
            IMPORTANT | 422 | column_use_not_allowed        | SELECT person_id, count(*) AS n FROM medical_insurance_claims GROUP BY person_id      | xx-none
            IMPORTANT | 422 | window_not_allowed            | SELECT gender, row_number() OVER (PARTITION BY person_id) AS r FROM medical_insurance_claims | xx-none
            IMPORTANT | 422 | having_not_allowed            | SELECT district_code, count(*) AS n FROM medical_insurance_claims GROUP BY district_code HAVING count(*) = 1 | xx-none
            IMPORTANT | 422 | column_use_not_allowed        | SELECT count(*) AS n FROM medical_insurance_claims WHERE person_id <> 'P00000123'     | P00000123
            IMPORTANT | 422 | column_use_not_allowed        | SELECT count(*) AS n FROM medical_insurance_claims WHERE id_card_no = '350102198001011234' | 350102198001011234
            IMPORTANT | 422 | column_use_not_allowed        | SELECT age, count(*) AS n FROM medical_insurance_claims GROUP BY age, person_id       | xx-none
            IMPORTANT | 422 | aggregate_not_allowed         | SELECT max(total_amount) AS top FROM medical_insurance_claims                         | xx-none
            IMPORTANT | 422 | self_join_not_allowed         | SELECT a.gender, count(*) AS n FROM medical_insurance_claims a JOIN medical_insurance_claims b ON a.district_code = b.district_code GROUP BY a.gender | xx-none
            IMPORTANT | 422 | column_not_licensed           | SELECT sum(self_paid) AS s FROM medical_insurance_claims                              | xx-none
            IMPORTANT | 422 | released_clause_not_an_output | SELECT gender, count(*) AS n FROM medical_insurance_claims GROUP BY gender HAVING sum(total_amount) > 100 | xx-none
            IMPORTANT | 422 | set_operation_not_allowed     | SELECT gender, count(*) AS n FROM medical_insurance_claims GROUP BY gender UNION SELECT gender, count(*) FROM medical_insurance_claims WHERE age = 99 GROUP BY gender | xx-none
            """)
    void attack_isRefused_withItsReason_echoingNothing_andChangingNothing(String grade, int status, String code, String sql,
                                                                          String secret) {
        String license = "IMPORTANT".equals(grade) ? claimsLicense : busLicense;
        int jobsBefore = jobs();
        var response = submit(license, sql)
                .statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", endsWith("/sandbox/" + code.replace('_', '-')))
                .body("reasons.code", equalTo(List.of(code)))
                .body("reasons[0].message_zh", notNullValue())
                .body("reasons[0].message_en", notNullValue());
        if (!"xx-none".equals(secret)) {
            response.body(not(containsString(secret)));
        }
        assertEquals(jobsBefore, jobs(), "a refused statement leaves no job");
        assertFalse(Files.exists(Path.of("/tmp/pdx-leak.csv")) || Files.exists(Path.of("/tmp/pdx-leak.duckdb")));
    }

    @Test
    void differencingPair_theWholePopulationIsNoised_andTheMinusOnePersonQueryIsRefused() {
        String id = run(claimsLicense, "SELECT count(*) AS n FROM medical_insurance_claims")
                .body("state", equalTo("AWAITING_RELEASE")).extract().path("id");
        SandboxFixtures.asReviewer(id).body("result.noise", equalTo("DISCRETE_LAPLACE"));
        submit(claimsLicense, "SELECT count(*) AS n FROM medical_insurance_claims WHERE person_id <> 'P00000042'")
                .statusCode(422).body("reasons[0].code", equalTo("column_use_not_allowed"))
                .body(not(containsString("P00000042")));
    }

    /**
     * A run that reads data and then fails (here: past a time limit of one millisecond) keeps its ε, tells the
     * requester only that it failed after reading, and releases nothing; the bureau sees the cause.
     */
    @Test
    void aQueryPastItsTimeLimit_failsAfterReading_keepsItsEpsilon_andReleasesNothing() {
        SandboxFixtures.Fresh claims = SandboxFixtures.freshClaims();
        SandboxRunnerProcess.restartWith(java.util.Map.of("pdx.sandbox.limits.time-limit", "PT0.001S"));
        String id;
        try {
            id = run(claims.license(), "SELECT gender, count(*) AS n FROM medical_insurance_claims GROUP BY gender")
                    .body("state", equalTo("FAILED"))
                    .body("failure.reasons[0].code", equalTo("run_failed"))
                    .body("failureCause", nullValue())
                    .body("epsilon", equalTo(0.55f))
                    .body("result", nullValue())
                    .extract().path("id");
        } finally {
            SandboxRunnerProcess.restart();
        }
        SandboxFixtures.asReviewer(id).body("failureCause", equalTo("time_limit_exceeded"));
        given().auth().oauth2(KeycloakTokens.of("developer-a")).get("/api/v1/sandbox/jobs/" + id + "/result")
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(KeycloakTokens.of("developer-a")).get("/api/v1/sandbox/jobs/" + id).then().statusCode(200)
                .body("budget.epsilonSpent", equalTo(0.55f));
    }

    private static int jobs() {
        return given().auth().oauth2(KeycloakTokens.of("developer-a")).get("/api/v1/sandbox/jobs")
                .then().statusCode(200).extract().path("total");
    }
}
