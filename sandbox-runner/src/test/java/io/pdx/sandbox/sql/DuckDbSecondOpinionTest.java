package io.pdx.sandbox.sql;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.Set;

import static io.pdx.sandbox.sql.GuardFixture.GENERAL;
import static io.pdx.sandbox.sql.GuardFixture.TABLES;
import static io.pdx.sandbox.sql.GuardFixture.UNTAGGED_OUTPUT_USES;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DuckDbSecondOpinionTest {

    private static final Set<String> ALIASES = Set.of("bus_card_swipes", "medical_insurance_claims");

    private final DuckDbSecondOpinion secondOpinion;

    DuckDbSecondOpinionTest() throws SQLException {
        secondOpinion = new DuckDbSecondOpinion();
    }

    @AfterEach
    void close() {
        secondOpinion.close();
    }

    private void assertDisagrees(String sql) {
        StatementRefused refused = assertThrows(StatementRefused.class, () -> secondOpinion.confirm(sql, ALIASES), sql);
        assertEquals("sql_second_opinion", refused.code());
    }

    @Nested
    class Confirms {

        @Test
        void aRegeneratedAggregateStatement() throws StatementRefused {
            GuardedStatement statement = new StatementGuard().check("SELECT district_code, count(*) AS swipes, "
                    + "sum(fare_cents) AS fares FROM bus_card_swipes GROUP BY district_code HAVING count(*) >= 10 "
                    + "ORDER BY swipes DESC LIMIT 5", TABLES, GENERAL, UNTAGGED_OUTPUT_USES);

            assertDoesNotThrow(() -> secondOpinion.confirm(statement.sql(), ALIASES));
            assertDoesNotThrow(() -> secondOpinion.confirm(statement.executableSql(), ALIASES));
        }

        @Test
        void anInnerJoinOfLicensedTables() {
            assertDoesNotThrow(() -> secondOpinion.confirm("SELECT a.route_id AS \"route_id\" FROM bus_card_swipes AS a "
                    + "INNER JOIN bus_card_swipes AS b ON a.card_id = b.card_id", ALIASES));
        }
    }

    @Nested
    class Refuses {

        @Test
        void aTableNotInTheAliasSet() {
            assertDisagrees("SELECT count(*) FROM duckdb_settings");
            assertDisagrees("SELECT a.x FROM bus_card_swipes AS a JOIN secrets AS b ON a.card_id = b.card_id");
        }

        @Test
        void aSchemaQualifiedTable() {
            assertDisagrees("SELECT count(*) FROM main.bus_card_swipes");
        }

        @Test
        void aTableFunction() {
            assertDisagrees("SELECT * FROM read_csv('/etc/passwd')");
        }

        @Test
        void aSubquery() {
            assertDisagrees("SELECT route_id FROM bus_card_swipes WHERE route_id IN (SELECT route_id FROM bus_card_swipes)");
            assertDisagrees("SELECT s.route_id FROM (SELECT route_id FROM bus_card_swipes) AS s");
        }

        @Test
        void aSetOperationCteOrWindow() {
            assertDisagrees("SELECT route_id FROM bus_card_swipes UNION SELECT stop_id FROM bus_card_swipes");
            assertDisagrees("WITH c AS (SELECT 1) SELECT count(*) FROM bus_card_swipes");
            assertDisagrees("SELECT row_number() OVER () AS n FROM bus_card_swipes");
        }

        @Test
        void moreThanOneStatementOrNone() {
            assertDisagrees("SELECT count(*) FROM bus_card_swipes; SELECT count(*) FROM bus_card_swipes");
            assertDisagrees("SELECT 1");
        }

        @Test
        void whatDuckDbCannotParseOrSerialize() {
            assertDisagrees("SELEC count(*) FROM bus_card_swipes");
            assertDisagrees("DELETE FROM bus_card_swipes");
        }
    }
}
