package io.pdx.sandbox.sql;

import io.pdx.contracts.policy.ControlsResult;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.pdx.contracts.ColumnTag.ATTRIBUTE;
import static io.pdx.contracts.ColumnTag.METRIC;
import static io.pdx.contracts.ColumnTag.QUASI_IDENTIFIER;
import static io.pdx.sandbox.sql.GuardFixture.CORE;
import static io.pdx.sandbox.sql.GuardFixture.GENERAL;
import static io.pdx.sandbox.sql.GuardFixture.IMPORTANT;
import static io.pdx.sandbox.sql.GuardFixture.TABLES;
import static io.pdx.sandbox.sql.GuardFixture.UNTAGGED_OUTPUT_USES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatementGuardTest {

    private final StatementGuard guard = new StatementGuard();

    private GuardedStatement check(ControlsResult controls, String sql) throws StatementRefused {
        return guard.check(sql, TABLES, controls, UNTAGGED_OUTPUT_USES);
    }

    /** Asserts the refusal code, and that no message repeats any of the statement's literals. */
    private StatementRefused assertRefused(ControlsResult controls, String sql, String code, String... literals) {
        StatementRefused refused = assertThrows(StatementRefused.class, () -> check(controls, sql), sql);
        assertEquals(code, refused.code(), refused.getMessage());
        for (String message : List.of(refused.messageZh(), refused.messageEn(), refused.getMessage())) {
            assertFalse(message.isBlank());
            for (String literal : literals) {
                assertFalse(message.contains(literal), () -> "the message repeats " + literal + ": " + message);
            }
        }
        return refused;
    }

    @Nested
    class FileAndSystemAccess {

        @Test
        void readCsvInFrom_isATableFunction() {
            assertRefused(GENERAL, "SELECT * FROM read_csv('/etc/passwd')", "table_function_not_allowed", "/etc/passwd");
        }

        @Test
        void quotedPathInFrom_isATableFunction() {
            assertRefused(GENERAL, "SELECT * FROM '/etc/passwd'", "table_function_not_allowed", "/etc/passwd");
        }

        @Test
        void readTextInFrom_isATableFunction() {
            assertRefused(GENERAL, "SELECT * FROM read_text('/etc/passwd')", "table_function_not_allowed", "/etc/passwd");
        }

        @Test
        void globInFrom_isATableFunction() {
            assertRefused(GENERAL, "SELECT * FROM glob('/*')", "table_function_not_allowed", "/*");
        }

        @Test
        void readParquetInWhere_isNotAnAllowedFunction() {
            assertRefused(GENERAL, "SELECT count(*) AS n FROM bus_card_swipes WHERE route_id = read_parquet('/data/x.parquet')",
                    "function_not_allowed", "/data/x.parquet", "read_parquet");
        }

        @Test
        void copyTo_doesNotParse() {
            assertRefused(GENERAL, "COPY bus_card_swipes TO '/tmp/x.csv'", "sql_syntax", "/tmp/x.csv", "COPY");
        }

        @Test
        void attach_doesNotParse() {
            assertRefused(GENERAL, "ATTACH '/tmp/x.db' AS x", "sql_syntax", "/tmp/x.db", "ATTACH");
        }

        @Test
        void install_doesNotParse() {
            assertRefused(GENERAL, "INSTALL httpfs", "sql_syntax", "httpfs");
        }

        @Test
        void load_doesNotParse() {
            assertRefused(GENERAL, "LOAD httpfs", "sql_syntax", "httpfs");
        }

        @Test
        void set_isNotASelect() {
            assertRefused(GENERAL, "SET enable_external_access=true", "select_only", "enable_external_access");
        }

        @Test
        void pragma_doesNotParse() {
            assertRefused(GENERAL, "PRAGMA database_list", "sql_syntax", "database_list");
        }

        @Test
        void call_isNotASelect() {
            assertRefused(GENERAL, "CALL pragma_version()", "select_only", "pragma_version");
        }

        @Test
        void createTableAs_isNotASelect() {
            assertRefused(GENERAL, "CREATE TABLE t AS SELECT 1", "select_only");
        }

        @Test
        void delete_isNotASelect() {
            assertRefused(GENERAL, "DELETE FROM bus_card_swipes", "select_only");
        }

        @Test
        void dropTable_isNotASelect() {
            assertRefused(GENERAL, "DROP TABLE bus_card_swipes", "select_only");
        }

        @Test
        void currentSetting_isNotAnAllowedFunction() {
            assertRefused(GENERAL, "SELECT current_setting('x') AS s, count(*) AS n FROM bus_card_swipes",
                    "function_not_allowed", "'x'", "current_setting");
        }

        @Test
        void getenv_isNotAnAllowedFunction() {
            assertRefused(GENERAL, "SELECT route_id FROM bus_card_swipes WHERE card_type = getenv('HOME')",
                    "function_not_allowed", "HOME", "getenv");
        }

        @Test
        void duckdbAndPgCatalogFunctions_areNotAllowed() {
            assertRefused(GENERAL, "SELECT count(*) AS n FROM bus_card_swipes WHERE route_id = duckdb_databases()",
                    "function_not_allowed", "duckdb_databases");
            assertRefused(GENERAL, "SELECT count(*) AS n FROM bus_card_swipes WHERE route_id = pg_typeof(route_id)",
                    "function_not_allowed", "pg_typeof");
        }

        @Test
        void randomAndUserNamedFunctions_areNotAllowed() {
            assertRefused(GENERAL, "SELECT route_id FROM bus_card_swipes ORDER BY random()", "function_not_allowed");
            assertRefused(GENERAL, "SELECT my_macro(route_id) AS r FROM bus_card_swipes", "function_not_allowed", "my_macro");
        }

        @Test
        void schemaQualifiedFunction_isNotAllowed() {
            assertRefused(GENERAL, "SELECT main.lower(route_id) AS r FROM bus_card_swipes", "function_not_allowed");
        }

        @Test
        void lambda_isNotAllowed() {
            assertRefused(GENERAL, "SELECT list_transform([1, 2], x -> x + 1) AS l FROM bus_card_swipes", "function_not_allowed");
        }

        @Test
        void jsonOperator_isNotAllowed() {
            assertRefused(GENERAL, "SELECT route_id->>'$.a' AS r FROM bus_card_swipes", "expression_not_allowed", "$.a");
        }
    }

    @Nested
    class StatementShape {

        @Test
        void emptyOrTooLongSql_isInvalid() {
            assertRefused(GENERAL, "  ", "sql_invalid");
            assertRefused(GENERAL, "SELECT route_id FROM bus_card_swipes WHERE card_type = '" + "x".repeat(20_000) + "'",
                    "sql_invalid");
        }

        @Test
        void onlyAComment_isInvalid() {
            assertRefused(GENERAL, "-- nothing here", "sql_invalid");
        }

        @Test
        void syntaxError_doesNotEchoTheStatement() {
            assertRefused(GENERAL, "SELECT route_id FROM bus_card_swipes WHERE card_type = 'secret' AND", "sql_syntax",
                    "secret", "card_type");
        }

        @Test
        void stackedStatements_areRefused() {
            assertRefused(GENERAL, "SELECT count(*) FROM bus_card_swipes; SELECT 1", "single_statement_only");
            assertRefused(GENERAL, "SELECT count(*) FROM bus_card_swipes; DELETE FROM bus_card_swipes", "single_statement_only");
        }

        @Test
        void union_isASetOperation() {
            assertRefused(GENERAL, "SELECT route_id FROM bus_card_swipes UNION SELECT stop_id FROM bus_card_swipes",
                    "set_operation_not_allowed");
        }

        @Test
        void with_isACte() {
            assertRefused(GENERAL, "WITH c AS (SELECT route_id FROM bus_card_swipes) SELECT route_id FROM c", "cte_not_allowed");
        }

        @Test
        void subqueryInWhere_isRefused() {
            assertRefused(GENERAL, "SELECT route_id FROM bus_card_swipes WHERE route_id IN (SELECT route_id FROM bus_card_swipes)",
                    "subquery_not_allowed");
        }

        @Test
        void subqueryInFrom_isRefused() {
            assertRefused(GENERAL, "SELECT route_id FROM (SELECT route_id FROM bus_card_swipes) s", "subquery_not_allowed");
        }

        @Test
        void existsSubquery_isRefused() {
            assertRefused(GENERAL, "SELECT route_id FROM bus_card_swipes WHERE EXISTS (SELECT 1 FROM bus_card_swipes)",
                    "subquery_not_allowed");
        }

        @Test
        void scalarSubqueryInSelect_isRefused() {
            assertRefused(GENERAL, "SELECT (SELECT max(fare_cents) FROM bus_card_swipes) AS m FROM bus_card_swipes",
                    "subquery_not_allowed");
        }

        @Test
        void windowFunction_isRefused() {
            assertRefused(IMPORTANT, "SELECT person_id, row_number() OVER (PARTITION BY person_id) FROM medical_insurance_claims",
                    "window_not_allowed");
        }

        @Test
        void aggregateFilter_isRefused() {
            assertRefused(GENERAL, "SELECT count(*) FILTER (WHERE fare_cents > 100) AS n FROM bus_card_swipes",
                    "expression_not_allowed", "100");
        }

        @Test
        void unsupportedClauses_areRefused() {
            assertRefused(GENERAL, "SELECT route_id INTO copy FROM bus_card_swipes", "clause_not_allowed");
            assertRefused(GENERAL, "SELECT route_id FROM bus_card_swipes FOR UPDATE", "clause_not_allowed");
            assertRefused(GENERAL, "SELECT DISTINCT ON (route_id) route_id FROM bus_card_swipes", "clause_not_allowed");
            assertRefused(GENERAL, "SELECT route_id FROM bus_card_swipes QUALIFY fare_cents > 1", "clause_not_allowed");
            assertRefused(GENERAL, "SELECT * EXCLUDE (card_id) FROM bus_card_swipes", "clause_not_allowed");
            assertRefused(GENERAL, "SELECT route_id FROM bus_card_swipes GROUP BY GROUPING SETS ((route_id))", "clause_not_allowed");
            assertRefused(GENERAL, "SELECT route_id FROM bus_card_swipes WHERE card_type LIKE 'a!%' ESCAPE '!'",
                    "expression_not_allowed", "a!%");
        }

        @Test
        void sampling_isRefused() {
            assertRefused(GENERAL, "SELECT route_id FROM bus_card_swipes USING SAMPLE 10%", "sql_syntax");
            assertRefused(GENERAL, "SELECT route_id FROM bus_card_swipes TABLESAMPLE 10", "sql_syntax");
        }

        @Test
        void deeplyNestedExpression_isRefused() {
            assertRefused(GENERAL, "SELECT count(*) AS n FROM bus_card_swipes WHERE fare_cents = " + "1 + ".repeat(1000) + "1",
                    "expression_too_deep");
        }

        @Test
        void noFrom_isRefused() {
            assertRefused(GENERAL, "SELECT 1 AS one", "from_required");
        }

        @Test
        void coreGrade_isNeverProcessed() {
            assertRefused(CORE, "SELECT count(*) FROM bus_card_swipes", "sandbox_not_allowed");
        }

        @Test
        void limitThatIsNotAnIntegerLiteral_isRefused() {
            assertRefused(GENERAL, "SELECT route_id FROM bus_card_swipes LIMIT fare_cents", "limit_invalid");
            assertRefused(GENERAL, "SELECT route_id FROM bus_card_swipes LIMIT 10 OFFSET 1.5", "limit_invalid", "1.5");
        }
    }

    @Nested
    class Tables {

        @Test
        void tableThatIsNotLicensed_isRefusedNamingTheLicensedOnes() {
            StatementRefused refused = assertRefused(GENERAL, "SELECT count(*) FROM duckdb_settings", "table_not_licensed",
                    "duckdb_settings");
            assertTrue(refused.messageEn().endsWith("bus_card_swipes, bus_routes, medical_insurance_claims."), refused.messageEn());
        }

        @Test
        void schemaQualifiedTable_isRefused() {
            assertRefused(GENERAL, "SELECT route_id FROM main.bus_card_swipes", "table_not_licensed");
            assertRefused(GENERAL, "SELECT route_id FROM other_db.main.bus_card_swipes", "table_not_licensed", "other_db");
        }

        @Test
        void commaJoin_isRefused() {
            assertRefused(GENERAL, "SELECT * FROM bus_card_swipes a, bus_card_swipes b", "join_not_allowed");
        }

        @Test
        void crossJoin_isRefused() {
            assertRefused(GENERAL, "SELECT a.route_id FROM bus_card_swipes a CROSS JOIN bus_card_swipes b", "join_not_allowed");
        }

        @Test
        void naturalJoinAndUsing_areRefused() {
            assertRefused(GENERAL, "SELECT a.route_id FROM bus_card_swipes a NATURAL JOIN bus_card_swipes b", "join_not_allowed");
            assertRefused(GENERAL, "SELECT a.route_id FROM bus_card_swipes a JOIN bus_card_swipes b USING (card_id)",
                    "join_not_allowed");
        }

        @Test
        void leftJoin_isRefusedUnlessTheGradeAllowsIt() {
            assertRefused(GENERAL, "SELECT s.stop_id FROM bus_card_swipes s LEFT JOIN bus_routes r ON s.route_id = r.route_id",
                    "join_not_allowed");
        }

        @Test
        void joinOnAnythingButColumnEqualsColumn_isRefused() {
            assertRefused(GENERAL, "SELECT s.stop_id FROM bus_card_swipes s JOIN bus_routes r ON s.fare_cents > r.length_km",
                    "join_not_allowed");
            assertRefused(GENERAL, "SELECT s.stop_id FROM bus_card_swipes s JOIN bus_routes r ON s.route_id = r.route_id OR 1 = 1",
                    "join_not_allowed");
            assertRefused(GENERAL, "SELECT s.stop_id FROM bus_card_swipes s JOIN bus_routes r ON s.route_id = s.route_id",
                    "join_not_allowed");
        }

        @Nested
        class SelfJoins {

            @Test
            void onTheEntity_isRefused() {
                assertRefused(GENERAL, "SELECT a.route_id, count(*) AS transfers FROM bus_card_swipes a "
                        + "JOIN bus_card_swipes b ON a.card_id = b.card_id GROUP BY a.route_id", "self_join_not_allowed");
            }

            @Test
            void onADeclaredJoinKey_isRefused() {
                assertRefused(GENERAL, "SELECT a.stop_id, count(*) AS n FROM bus_card_swipes a "
                        + "JOIN bus_card_swipes b ON a.route_id = b.route_id GROUP BY a.stop_id", "self_join_not_allowed");
            }

            @Test
            void onAQuasiIdentifierOfImportantData_isRefused() {
                assertRefused(IMPORTANT, "SELECT a.gender, count(*) AS n FROM medical_insurance_claims a "
                        + "JOIN medical_insurance_claims b ON a.district_code = b.district_code GROUP BY a.gender",
                        "self_join_not_allowed");
            }

            @Test
            void withoutAliases_isRefused() {
                assertRefused(GENERAL, "SELECT count(*) FROM bus_card_swipes JOIN bus_card_swipes ON card_id = card_id",
                        "self_join_not_allowed");
            }
        }

        @Test
        void joinOnAColumnThatIsNoDeclaredKey_isRefused() {
            StatementRefused refused = assertRefused(GENERAL, "SELECT s.stop_id, count(*) AS n FROM bus_card_swipes s "
                    + "JOIN bus_routes r ON s.district_code = r.district_code GROUP BY s.stop_id", "join_key_not_declared");
            assertTrue(refused.messageEn().contains("district_code"), refused.messageEn());
        }

        @Test
        void joinColumnWithoutJoinUse_isRefused() {
            assertRefused(GENERAL, "SELECT s.stop_id FROM bus_card_swipes s JOIN bus_routes r ON s.fare_cents = r.length_km",
                    "column_use_not_allowed");
        }

        @Test
        void joinsOfNoisedData_onAColumnThatIsNoDeclaredKey_areRefused() {
            assertRefused(IMPORTANT, "SELECT c.gender, count(*) AS n FROM medical_insurance_claims c "
                    + "JOIN bus_routes r ON c.hospital_code = r.route_id GROUP BY c.gender", "join_key_not_declared");
        }

        @Test
        void innerJoinOnDeclaredKeysOfDifferentDatasets_isAccepted() throws StatementRefused {
            GuardedStatement joined = check(GENERAL, "SELECT r.operator, count(*) AS swipes FROM bus_card_swipes s "
                    + "INNER JOIN bus_routes r ON s.route_id = r.route_id WHERE s.is_transfer GROUP BY r.operator");

            assertEquals("SELECT r.operator AS \"operator\", count(*) AS \"swipes\" FROM bus_card_swipes AS s "
                    + "INNER JOIN bus_routes AS r ON s.route_id = r.route_id WHERE s.is_transfer GROUP BY r.operator", joined.sql());
            assertTrue(joined.joined());
            assertEquals(List.of(new GuardedStatement.TableRef("s", "bus_card_swipes", "card_id"),
                    new GuardedStatement.TableRef("r", "bus_routes", "route_id")), joined.tables());
            assertTrue(joined.executableSql().contains("count(DISTINCT s.card_id) AS \"__pdx_entities_0\", "
                    + "count(DISTINCT r.route_id) AS \"__pdx_entities_1\""), "k counts the entities of every joined dataset");
            assertEquals(Map.of("bus_card_swipes", Set.of("route_id", "is_transfer"), "bus_routes", Set.of("route_id", "operator")),
                    joined.columnsByAlias());
        }

        @Test
        void aJoinThatDoesNotReachTheNewTable_isRefused() {
            assertRefused(GENERAL, "SELECT count(*) AS n FROM bus_card_swipes s JOIN bus_routes r ON s.route_id = s.stop_id",
                    "join_not_allowed");
        }

        @Test
        void unqualifiedColumnInTwoTables_isAmbiguous() {
            assertRefused(GENERAL, "SELECT count(*) AS n FROM bus_card_swipes s JOIN bus_routes r ON s.route_id = r.route_id "
                    + "WHERE district_code = '350102'", "column_ambiguous", "350102");
        }
    }

    @Nested
    class ColumnUses {

        @Test
        void selectStarOnImportant_isRefused() {
            assertRefused(IMPORTANT, "SELECT * FROM medical_insurance_claims", "row_level_output_not_allowed");
        }

        @Test
        void selectStarInAnAggregateQuery_isRefused() {
            assertRefused(GENERAL, "SELECT *, count(*) AS n FROM bus_card_swipes", "select_star_not_allowed");
        }

        @Test
        void selectStarOnGeneral_expandsToTheColumnsARowLevelOutputMayShow() throws StatementRefused {
            GuardedStatement star = check(GENERAL, "SELECT * FROM bus_card_swipes");
            assertEquals(List.of("route_id", "stop_id", "card_type", "fare_cents", "is_transfer"),
                    star.output().stream().map(OutputColumn::name).toList(), "no IDENTIFIER, no QUASI_IDENTIFIER");
        }

        @Test
        void rowLevelQueryOnImportant_isRefused() {
            assertRefused(IMPORTANT, "SELECT hospital_code FROM medical_insurance_claims", "row_level_output_not_allowed");
        }

        @Test
        void identifierInsideAGroupKey_isRefusedOnImportant() {
            StatementRefused refused = assertRefused(IMPORTANT,
                    "SELECT lower(id_card_no), count(*) FROM medical_insurance_claims GROUP BY lower(id_card_no)",
                    "column_use_not_allowed");
            assertEquals("The column id_card_no (IDENTIFIER) may not be used for GROUP_BY; its tag allows: ENTITY_COUNT, JOIN.",
                    refused.messageEn());
            assertEquals("列 id_card_no（IDENTIFIER）不允许用于 GROUP_BY；该标签允许的用途：ENTITY_COUNT, JOIN。", refused.messageZh());
        }

        @Test
        void identifierAsGroupKey_isRefusedOnImportant() {
            assertRefused(IMPORTANT, "SELECT person_id, count(*) FROM medical_insurance_claims GROUP BY person_id",
                    "column_use_not_allowed");
        }

        @Test
        void identifierInWhere_isRefusedWithoutEchoingTheValue() {
            StatementRefused refused = assertRefused(IMPORTANT,
                    "SELECT count(*) FROM medical_insurance_claims WHERE person_id <> 'X'", "column_use_not_allowed", "'X'");
            assertTrue(refused.messageEn().contains("person_id") && refused.messageEn().contains("WHERE"));
        }

        @Test
        void identifierInsideAnAggregate_isRefusedOnImportant() {
            assertRefused(IMPORTANT, "SELECT count(id_card_no) AS cards FROM medical_insurance_claims", "column_use_not_allowed");
            assertRefused(IMPORTANT, "SELECT count(DISTINCT id_card_no) AS cards FROM medical_insurance_claims",
                    "count_distinct_entity_only");
        }

        @Test
        void distinctEntitiesOnImportant_areCountedAsTheEntityCountUse() throws StatementRefused {
            GuardedStatement statement = check(IMPORTANT, "SELECT district_code, count(DISTINCT person_id) AS persons "
                    + "FROM medical_insurance_claims GROUP BY district_code");
            assertEquals(new OutputColumn("persons", io.pdx.contracts.ColumnTag.IDENTIFIER, "ENTITY_COUNT", "COUNT_DISTINCT"),
                    statement.output().get(1));
            assertEquals("COUNT_DISTINCT", statement.shape().outputs().get(1).aggregate());
            assertNull(statement.shape().outputs().get(1).argument(), "the entity count reads the privacy unit, no argument");
        }

        @Test
        void aggregateTheGradeDoesNotAllow_isRefused() {
            StatementRefused refused = assertRefused(IMPORTANT, "SELECT max(total_amount) AS top FROM medical_insurance_claims",
                    "aggregate_not_allowed");
            assertTrue(refused.messageEn().contains("allowed: COUNT, COUNT_DISTINCT, SUM, AVG"), refused.messageEn());
            assertRefused(IMPORTANT, "SELECT count(DISTINCT district_code) AS districts FROM medical_insurance_claims",
                    "count_distinct_entity_only");
        }

        @Test
        void orderStatisticsOfQuasiIdentifiers_areRefusedOnEveryGrade() {
            StatementRefused refused = assertRefused(GENERAL, "SELECT route_id, min(swipe_time) AS first_swipe FROM bus_card_swipes "
                    + "GROUP BY route_id", "order_statistic_not_allowed");
            assertTrue(refused.messageEn().contains("swipe_time (QUASI_IDENTIFIER)"), refused.messageEn());
            assertRefused(GENERAL, "SELECT route_id, max(district_code) AS d FROM bus_card_swipes GROUP BY route_id",
                    "order_statistic_not_allowed");
            assertRefused(GENERAL, "SELECT route_id, max(year(swipe_time)) AS y FROM bus_card_swipes GROUP BY route_id",
                    "order_statistic_not_allowed");
        }

        @Test
        void orderStatisticsOfMetrics_areAllowedOnGeneral() throws StatementRefused {
            assertEquals("MAX", check(GENERAL, "SELECT route_id, max(fare_cents) AS top FROM bus_card_swipes GROUP BY route_id")
                    .output().get(1).aggregate());
        }

        @Test
        void sumOrAverageOfAColumnWithoutDeclaredBounds_isRefusedOnImportant() {
            StatementRefused refused = assertRefused(IMPORTANT, "SELECT sum(self_paid) AS s FROM medical_insurance_claims",
                    "bounds_not_declared");
            assertTrue(refused.messageEn().contains("total_amount"), refused.messageEn());
            assertRefused(IMPORTANT, "SELECT avg(age) AS a FROM medical_insurance_claims", "bounds_not_declared");
        }

        @Test
        void sumOfAnExpression_isClampedToTheBoundsOfTheColumnsItReads() throws StatementRefused {
            GuardedStatement statement = check(IMPORTANT, "SELECT sum(total_amount * 1000000) AS s, "
                    + "sum(CASE WHEN fund_paid > 0 THEN total_amount ELSE 0 END) AS t FROM medical_insurance_claims");
            var bounds = statement.shape().outputs().get(0).bounds();
            assertEquals(0, bounds.upper().compareTo(new java.math.BigDecimal("50000")), "scaling cannot escape the clamp");
            var hull = statement.shape().outputs().get(1).bounds();
            assertEquals(0, hull.upper().compareTo(new java.math.BigDecimal("50000")));
            assertEquals(0, hull.granularity().compareTo(new java.math.BigDecimal("0.01")));
        }

        @Test
        void sensitiveColumnAsGroupKey_isRefusedOnImportant() {
            assertRefused(IMPORTANT, "SELECT diagnosis_code, count(*) AS n FROM medical_insurance_claims GROUP BY diagnosis_code",
                    "column_use_not_allowed");
        }

        @Test
        void quasiIdentifierInRowLevelOutput_isRefusedOnGeneral() {
            assertRefused(GENERAL, "SELECT swipe_time FROM bus_card_swipes", "column_use_not_allowed");
        }

        @Test
        void unknownColumn_isNotLicensedAndTheLicensedOnesAreNamed() {
            StatementRefused refused = assertRefused(GENERAL, "SELECT route_id, passenger_name FROM bus_card_swipes",
                    "column_not_licensed");
            assertTrue(refused.messageEn().startsWith("The column passenger_name is not licensed"), refused.messageEn());
            assertTrue(refused.messageEn().contains("card_id, card_type, district_code, fare_cents"), refused.messageEn());
            assertRefused(GENERAL, "SELECT x.route_id FROM bus_card_swipes", "column_not_licensed");
            assertRefused(GENERAL, "SELECT \"it's; a name\" FROM bus_card_swipes", "column_not_licensed", "it's");
        }

        @Test
        void columnOfAnotherLicensedDatasetNotInTheStatement_isNotLicensed() {
            assertRefused(GENERAL, "SELECT hospital_code FROM bus_card_swipes", "column_not_licensed");
        }

        @Test
        void outputNotAmongTheGroupKeys_isNotGrouped() {
            assertRefused(GENERAL, "SELECT route_id, count(*) AS n FROM bus_card_swipes GROUP BY stop_id", "not_grouped");
            assertRefused(GENERAL, "SELECT lower(card_type) AS t, count(*) AS n FROM bus_card_swipes GROUP BY card_type",
                    "not_grouped");
        }

        @Test
        void aggregateInsideAnExpressionOrWhere_isMisplaced() {
            assertRefused(GENERAL, "SELECT sum(fare_cents) / count(*) AS avg_fare FROM bus_card_swipes", "aggregate_misplaced");
            assertRefused(GENERAL, "SELECT count(*) AS n FROM bus_card_swipes WHERE sum(fare_cents) > 0", "aggregate_misplaced");
            assertRefused(GENERAL, "SELECT sum(count(*)) AS n FROM bus_card_swipes", "aggregate_misplaced");
        }

        @Test
        void groupByPositionOrConstant_isRefused() {
            assertRefused(GENERAL, "SELECT route_id, count(*) AS n FROM bus_card_swipes GROUP BY 1", "group_by_invalid");
            assertRefused(GENERAL, "SELECT count(*) AS n FROM bus_card_swipes GROUP BY 'all'", "group_by_invalid", "all");
        }

        @Test
        void constantOutput_isOnlyAllowedAsAnAggregate() {
            assertRefused(GENERAL, "SELECT 'x' AS marker FROM bus_card_swipes", "untagged_output_not_allowed", "'x'");
        }

        @Test
        void columnInsideTrimFrom_isChecked() {
            assertRefused(IMPORTANT, "SELECT count(*) FROM medical_insurance_claims WHERE trim(BOTH 'x' FROM person_id) = 'abc'",
                    "column_use_not_allowed", "abc");
        }

        @Test
        void columnAfterAnInList_isChecked() {
            assertRefused(IMPORTANT, "SELECT count(*) FROM medical_insurance_claims WHERE gender IN ('F', 'M') AND person_id = 'X'",
                    "column_use_not_allowed", "'X'");
        }

        @Test
        void distinctOtherThanCount_isRefused() {
            assertRefused(GENERAL, "SELECT sum(DISTINCT fare_cents) AS s FROM bus_card_swipes", "expression_not_allowed");
        }
    }

    @Nested
    class HavingOrderByAndNames {

        private static final String BY_DISTRICT = "SELECT district_code, count(*) AS n FROM bus_card_swipes GROUP BY district_code ";

        @Test
        void havingEqualsOne_isRefused() {
            assertRefused(IMPORTANT, "SELECT district_code, count(*) AS n FROM medical_insurance_claims GROUP BY district_code "
                    + "HAVING count(*) = 1", "having_not_allowed");
        }

        @Test
        void havingOtherThanAggregateAtLeastConstant_isRefused() {
            assertRefused(GENERAL, BY_DISTRICT + "HAVING count(*) < 5", "having_not_allowed");
            assertRefused(GENERAL, BY_DISTRICT + "HAVING count(*) <= 5", "having_not_allowed");
            assertRefused(GENERAL, BY_DISTRICT + "HAVING count(*) BETWEEN 1 AND 3", "having_not_allowed");
            assertRefused(GENERAL, BY_DISTRICT + "HAVING count(*) >= 10 OR count(*) > 1", "having_not_allowed");
            assertRefused(GENERAL, BY_DISTRICT + "HAVING district_code > 'A'", "having_not_allowed");
        }

        @Test
        void havingAggregateAtLeastConstant_isAccepted() throws StatementRefused {
            GuardedStatement statement = check(GENERAL, BY_DISTRICT + "HAVING count(*) >= 10 AND sum(fare_cents) > 100");

            assertTrue(statement.sql().endsWith(
                    "HAVING count(*) >= 10 AND sum(bus_card_swipes.fare_cents) > 100"), statement.sql());
        }

        @Test
        void orderByAnythingButOutputsOrGroupKeys_isRefused() {
            assertRefused(GENERAL, "SELECT route_id FROM bus_card_swipes ORDER BY swipe_time", "order_by_not_allowed");
            assertRefused(GENERAL, BY_DISTRICT + "ORDER BY sum(fare_cents)", "order_by_not_allowed");
            assertRefused(GENERAL, BY_DISTRICT + "ORDER BY 3", "order_by_not_allowed");
        }

        @Test
        void orderByPositionExpressionOrGroupKey_namesTheOutput() throws StatementRefused {
            assertTrue(check(GENERAL, BY_DISTRICT + "ORDER BY 2 DESC").sql().endsWith("ORDER BY \"n\" DESC"));
            assertTrue(check(GENERAL, BY_DISTRICT + "ORDER BY count(*)").sql().endsWith("ORDER BY \"n\""));
            assertTrue(check(GENERAL, "SELECT count(*) AS n FROM bus_card_swipes GROUP BY district_code ORDER BY district_code")
                    .sql().endsWith("ORDER BY bus_card_swipes.district_code"));
        }

        @Test
        void duplicateOutputName_isRefused() {
            assertRefused(GENERAL, "SELECT route_id, stop_id AS ROUTE_ID FROM bus_card_swipes", "duplicate_output_name");
        }

        @Test
        void reservedOutputName_isRefused() {
            assertRefused(GENERAL, "SELECT count(*) AS __pdx_rows FROM bus_card_swipes", "reserved_name");
        }

        @Test
        void invalidOutputName_isRefusedWithoutEchoingIt() {
            assertRefused(GENERAL, "SELECT route_id AS \"route; DROP\" FROM bus_card_swipes", "output_name_invalid", "DROP");
            assertRefused(GENERAL, "SELECT route_id AS \"" + "r".repeat(64) + "\" FROM bus_card_swipes", "output_name_invalid");
        }

        @Test
        void expressionWithoutAName_isRefused() {
            assertRefused(GENERAL, "SELECT lower(card_type) FROM bus_card_swipes", "output_name_missing");
        }

        @Test
        void chineseOutputName_isAccepted() throws StatementRefused {
            GuardedStatement statement = check(GENERAL, "SELECT route_id AS 线路, count(*) AS 刷卡次数 FROM bus_card_swipes GROUP BY route_id");

            assertEquals(List.of("线路", "刷卡次数"), statement.output().stream().map(OutputColumn::name).toList());
            assertTrue(statement.sql().startsWith("SELECT bus_card_swipes.route_id AS \"线路\", count(*) AS \"刷卡次数\""));
        }
    }

    @Nested
    class AcceptedStatements {

        private static final String BY_DISTRICT = "SELECT district_code, count(*) AS swipes, sum(fare_cents) AS fares "
                + "FROM bus_card_swipes GROUP BY district_code ORDER BY swipes DESC";

        @Test
        void rowLevelOnGeneral_isRegeneratedWithQualifiedColumnsAndAliases() throws StatementRefused {
            GuardedStatement statement = check(GENERAL,
                    "SELECT route_id, fare_cents FROM bus_card_swipes WHERE card_type = '学生卡' LIMIT 10");

            assertEquals("SELECT bus_card_swipes.route_id AS \"route_id\", bus_card_swipes.fare_cents AS \"fare_cents\" "
                    + "FROM bus_card_swipes WHERE bus_card_swipes.card_type = '学生卡' LIMIT 10", statement.sql());
            assertEquals(List.of(new OutputColumn("route_id", ATTRIBUTE, "SELECT", null),
                    new OutputColumn("fare_cents", METRIC, "SELECT", null)), statement.output());
            assertEquals(Map.of("bus_card_swipes", Set.of("route_id", "fare_cents", "card_type")), statement.columnsByAlias());
            assertFalse(statement.aggregate());
            assertNull(statement.shape());
            assertEquals("SELECT bus_card_swipes.route_id AS \"route_id\", bus_card_swipes.fare_cents AS \"fare_cents\", "
                    + "bus_card_swipes.card_id AS \"__pdx_entity_0\" FROM bus_card_swipes "
                    + "WHERE try(bus_card_swipes.card_type = '学生卡') LIMIT 10", statement.executableSql(),
                    "the entity of each row is carried, hidden, for the k check; the filter cannot fail on a value");
        }

        @Test
        void rowLevelOutput_usesNoIdentifierAnywhereAndShowsNoQuasiIdentifier() {
            assertRefused(GENERAL, "SELECT route_id FROM bus_card_swipes WHERE card_id = 'FZ000000001'", "column_use_not_allowed",
                    "FZ000000001");
            assertRefused(GENERAL, "SELECT s.stop_id FROM bus_card_swipes s JOIN bus_routes r ON s.route_id = r.route_id "
                    + "WHERE s.card_id > 'A'", "column_use_not_allowed");
            assertRefused(GENERAL, "SELECT district_code FROM bus_card_swipes", "column_use_not_allowed");
            assertRefused(GENERAL, "SELECT route_id, swipe_time FROM bus_card_swipes", "column_use_not_allowed");
        }

        @Test
        void aggregateOnGeneral_addsTheHiddenCountColumns() throws StatementRefused {
            GuardedStatement statement = check(GENERAL, BY_DISTRICT);

            assertEquals("SELECT bus_card_swipes.district_code AS \"district_code\", count(*) AS \"swipes\", "
                    + "sum(bus_card_swipes.fare_cents) AS \"fares\" FROM bus_card_swipes "
                    + "GROUP BY bus_card_swipes.district_code ORDER BY \"swipes\" DESC", statement.sql());
            assertEquals(List.of(new OutputColumn("district_code", QUASI_IDENTIFIER, "GROUP_BY", null),
                    new OutputColumn("swipes", null, "AGGREGATE", "COUNT"),
                    new OutputColumn("fares", METRIC, "AGGREGATE", "SUM")), statement.output());
            assertEquals(Map.of("bus_card_swipes", Set.of("district_code", "fare_cents")), statement.columnsByAlias());
            assertTrue(statement.aggregate());
            assertEquals("SELECT bus_card_swipes.district_code AS \"district_code\", count(*) AS \"swipes\", "
                    + "sum(bus_card_swipes.fare_cents) AS \"fares\", "
                    + "count(DISTINCT bus_card_swipes.card_id) AS \"__pdx_entities_0\", count(*) AS \"__pdx_rows\", "
                    + "list(DISTINCT hash(bus_card_swipes.card_id)) FILTER (WHERE bus_card_swipes.card_id IS NOT NULL) "
                    + "AS \"__pdx_entity_hashes_0\" "
                    + "FROM bus_card_swipes GROUP BY bus_card_swipes.district_code ORDER BY \"swipes\" DESC",
                    statement.executableSql());
            assertEquals(statement.sql().replace(" FROM", ", count(*) AS \"__pdx_rows\" FROM"), statement.executableWithRowCount());
            assertFalse(statement.joined());
            assertNull(statement.shape(), "GENERAL runs exact: no shape for the DP mechanism");
        }

        @Test
        void expressionsThatCouldFailOnAValue_runWrappedInTry() throws StatementRefused {
            GuardedStatement statement = check(GENERAL, "SELECT CAST(route_id AS INTEGER) AS r, sum(fare_cents * 1000000) AS f "
                    + "FROM bus_card_swipes WHERE CAST(stop_id AS INTEGER) / 0 > 1 GROUP BY CAST(route_id AS INTEGER)");

            assertTrue(statement.executableSql().startsWith("SELECT try(CAST(bus_card_swipes.route_id AS INTEGER)) AS \"r\", "
                    + "sum(try(bus_card_swipes.fare_cents * 1000000)) AS \"f\""), statement.executableSql());
            assertTrue(statement.executableSql().contains("WHERE try(try(try(CAST(bus_card_swipes.stop_id AS INTEGER)) / 0) > 1) "
                    + "GROUP BY try(CAST(bus_card_swipes.route_id AS INTEGER))"), statement.executableSql());
        }

        @Test
        void hourlyCounts_groupByAQuasiIdentifierExpression() throws StatementRefused {
            GuardedStatement statement = check(GENERAL, "SELECT date_trunc('hour', swipe_time) AS hour, count(*) "
                    + "FROM bus_card_swipes GROUP BY date_trunc('hour', swipe_time)");

            assertEquals("SELECT date_trunc('hour', bus_card_swipes.swipe_time) AS \"hour\", count(*) AS \"count\" "
                    + "FROM bus_card_swipes GROUP BY date_trunc('hour', bus_card_swipes.swipe_time)", statement.sql());
            assertEquals(List.of(new OutputColumn("hour", QUASI_IDENTIFIER, "GROUP_BY", null),
                    new OutputColumn("count", null, "AGGREGATE", "COUNT")), statement.output());
        }

        @Test
        void aggregateOnImportant_isTakenApartForTheMechanism() throws StatementRefused {
            GuardedStatement statement = check(IMPORTANT, "SELECT district_code, gender, count(*) AS claims, "
                    + "avg(total_amount) AS avg_amount FROM medical_insurance_claims WHERE age >= 60 GROUP BY district_code, gender "
                    + "HAVING count(*) > 100 ORDER BY claims DESC LIMIT 3");

            assertEquals(List.of(new OutputColumn("district_code", QUASI_IDENTIFIER, "GROUP_BY", null),
                    new OutputColumn("gender", QUASI_IDENTIFIER, "GROUP_BY", null),
                    new OutputColumn("claims", null, "AGGREGATE", "COUNT"),
                    new OutputColumn("avg_amount", METRIC, "AGGREGATE", "AVG")), statement.output());
            assertEquals(Map.of("medical_insurance_claims", Set.of("age", "district_code", "gender", "total_amount")),
                    statement.columnsByAlias());
            AggregateShape shape = statement.shape();
            assertEquals("medical_insurance_claims", shape.from());
            assertEquals("try(medical_insurance_claims.age >= 60)", shape.where());
            assertEquals("medical_insurance_claims.person_id", shape.entity());
            assertEquals(List.of("medical_insurance_claims.district_code", "medical_insurance_claims.gender"), shape.groupKeys());
            assertEquals(new AggregateShape.Output("district_code", 0, null, null, null), shape.outputs().get(0));
            assertEquals("AVG", shape.outputs().get(3).aggregate());
            assertEquals("medical_insurance_claims.total_amount", shape.outputs().get(3).argument());
            assertEquals(List.of(new AggregateShape.ReleasedFilter(2, false, new java.math.BigDecimal("100"))), shape.having());
            assertEquals(List.of(new AggregateShape.ReleasedOrder(2, false, false)), shape.orderBy());
            assertEquals(3L, shape.limit());
        }

        @Test
        void havingOrOrderingOnImportant_mustNameAnOutput() {
            assertRefused(IMPORTANT, "SELECT district_code, count(*) AS claims FROM medical_insurance_claims "
                    + "GROUP BY district_code HAVING sum(total_amount) > 1000", "released_clause_not_an_output");
            assertRefused(IMPORTANT, "SELECT count(*) AS claims FROM medical_insurance_claims "
                    + "GROUP BY district_code ORDER BY district_code", "released_clause_not_an_output");
        }

        @Test
        void scalarFunctionsCastsAndPredicates_areAccepted() throws StatementRefused {
            GuardedStatement statement = check(GENERAL, "SELECT upper(trim(card_type)) AS kind, CAST(fare_cents AS DECIMAL(10, 2)) / 100 AS yuan, "
                    + "CASE WHEN is_transfer THEN 'T' ELSE 'N' END AS transfer FROM bus_card_swipes "
                    + "WHERE swipe_time >= DATE '2024-05-01' AND extract(hour FROM swipe_time) BETWEEN 7 AND 9 "
                    + "AND route_id IN ('R1', 'R2') AND stop_id NOT LIKE 'X%' AND district_code IS NOT NULL");

            assertEquals(List.of("kind", "yuan", "transfer"), statement.output().stream().map(OutputColumn::name).toList());
        }

        @Test
        void inListFollowedByAnd_isAcceptedDespiteTheParserMisreadingIt() throws StatementRefused {
            GuardedStatement statement = check(GENERAL,
                    "SELECT route_id FROM bus_card_swipes WHERE route_id IN ('R1', 'R2') AND stop_id NOT LIKE 'X%' OR is_transfer");

            assertTrue(statement.sql().endsWith("WHERE bus_card_swipes.route_id IN ('R1', 'R2') "
                    + "AND bus_card_swipes.stop_id NOT LIKE 'X%' OR bus_card_swipes.is_transfer"), statement.sql());
            assertEquals(Set.of("route_id", "stop_id", "is_transfer"), statement.columnsByAlias().get("bus_card_swipes"));
        }

        @Test
        void whitespaceCommentsAndCase_doNotChangeTheRegeneratedSql() throws StatementRefused {
            GuardedStatement plain = check(GENERAL, BY_DISTRICT);
            GuardedStatement mangled = check(GENERAL, "select   DISTRICT_CODE,\n\tCOUNT( * ) as swipes -- per district\n"
                    + ", Sum(\"fare_cents\") /* money */ AS fares from bus_card_swipes\n group  by District_Code order by swipes desc;");

            assertEquals(plain.sql(), mangled.sql());
            assertEquals(plain.hash(), mangled.hash());
            assertTrue(plain.hash().matches("[0-9a-f]{64}"));
            assertNotEquals(plain.hash(), check(GENERAL, BY_DISTRICT.replace("DESC", "ASC")).hash());
        }

        @Test
        void executableAggregateSql_runsInDuckDb() throws Exception {
            GuardedStatement statement = check(GENERAL, BY_DISTRICT);

            try (Connection duck = swipes(); Statement sql = duck.createStatement();
                 ResultSet rows = sql.executeQuery(statement.executableSql())) {
                assertEquals(List.of("district_code", "swipes", "fares", "__pdx_entities_0", "__pdx_rows", "__pdx_entity_hashes_0"),
                        columnNames(rows));
                long total = 0;
                int groups = 0;
                while (rows.next()) {
                    groups++;
                    total += rows.getLong("__pdx_rows");
                    assertEquals(rows.getLong("swipes"), rows.getLong("__pdx_rows"));
                    assertTrue(rows.getLong("__pdx_entities_0") > 0 && rows.getLong("__pdx_entities_0") <= 40);
                    assertEquals(rows.getLong("__pdx_entities_0"), ((Object[]) rows.getArray("__pdx_entity_hashes_0").getArray()).length,
                            "one distinct hash per distinct entity");
                }
                assertEquals(3, groups);
                assertEquals(100, total);
            }
        }

        @Test
        void executableRowLevelAndHourlySql_runInDuckDb() throws Exception {
            GuardedStatement rowLevel = check(GENERAL, "SELECT route_id, fare_cents FROM bus_card_swipes WHERE card_type = '学生卡' LIMIT 10");
            GuardedStatement hourly = check(GENERAL, "SELECT date_trunc('hour', swipe_time) AS hour, count(*) "
                    + "FROM bus_card_swipes GROUP BY date_trunc('hour', swipe_time) ORDER BY 1");

            try (Connection duck = swipes(); Statement sql = duck.createStatement()) {
                try (ResultSet rows = sql.executeQuery(rowLevel.executableSql())) {
                    assertEquals(List.of("route_id", "fare_cents", "__pdx_entity_0"), columnNames(rows));
                    int count = 0;
                    while (rows.next()) {
                        count++;
                    }
                    assertEquals(10, count);
                }
                try (ResultSet rows = sql.executeQuery(hourly.executableWithRowCount())) {
                    assertEquals(List.of("hour", "count", "__pdx_rows"), columnNames(rows));
                    assertTrue(rows.next());
                    assertEquals(60, rows.getLong("count"));
                }
            }
        }

        @Test
        void anExecutableStatement_cannotFailOnAValue() throws Exception {
            GuardedStatement statement = check(GENERAL, "SELECT route_id, sum(CAST(stop_id AS INTEGER) * 2147483647) AS s "
                    + "FROM bus_card_swipes WHERE CAST(card_type AS INTEGER) IS NULL OR fare_cents / 0 > 1 GROUP BY route_id");

            try (Connection duck = swipes(); Statement failing = duck.createStatement(); Statement sql = duck.createStatement()) {
                assertThrows(java.sql.SQLException.class, () -> failing.executeQuery(statement.sql()).next(),
                        "the canonical statement fails on the values ('S1' is no integer)");
                try (ResultSet rows = sql.executeQuery(statement.executableSql())) {
                    int groups = 0;
                    while (rows.next()) {
                        groups++;
                    }
                    assertEquals(5, groups, "the executable form answers, the failing expressions became NULL");
                }
            }
        }

        private Connection swipes() throws Exception {
            Connection duck = io.pdx.sandbox.driver.DuckDb.inMemory();
            try (Statement sql = duck.createStatement()) {
                sql.execute("CREATE TABLE bus_card_swipes AS SELECT range % 40 AS card_id, "
                        + "TIMESTAMP '2024-05-01 07:00:00' + INTERVAL (range) MINUTE AS swipe_time, 'R' || (range % 5) AS route_id, "
                        + "'S' || (range % 20) AS stop_id, '33010' || (range % 3) AS district_code, "
                        + "CASE WHEN range % 4 = 0 THEN '学生卡' ELSE '普通卡' END AS card_type, 200 + range % 3 * 50 AS fare_cents, "
                        + "range % 7 = 0 AS is_transfer FROM range(100)");
            }
            return duck;
        }

        private List<String> columnNames(ResultSet rows) throws Exception {
            ResultSetMetaData columns = rows.getMetaData();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= columns.getColumnCount(); i++) {
                names.add(columns.getColumnName(i));
            }
            return names;
        }
    }
}
