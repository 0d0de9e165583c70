package io.pdx.sandbox.sql;

import io.pdx.contracts.Grade;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.pdx.contracts.ColumnTag.ATTRIBUTE;
import static io.pdx.contracts.ColumnTag.IDENTIFIER;
import static io.pdx.contracts.ColumnTag.METRIC;
import static io.pdx.contracts.ColumnTag.QUASI_IDENTIFIER;
import static io.pdx.sandbox.sql.GuardFixture.IMPORTANT;
import static io.pdx.sandbox.sql.GuardFixture.UNTAGGED_OUTPUT_USES;
import static io.pdx.sandbox.sql.GuardFixture.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The guard on a clean room under noise (issue 22): a dataset whose grade adds noise joined, on declared keys, with the
 * organization's own table and with other public datasets. The noised dataset's entity is the privacy unit; a second
 * dataset of the same grade is refused; the key stays out of the output.
 */
class NoisedCleanRoomGuardTest {

    private static final String FACILITY = "medical_facility";

    private static final TableSchema CLAIMS = TableSchema.of("claims", Grade.IMPORTANT, "person_id", List.of(
            column("person_id", "VARCHAR", IDENTIFIER),
            column("gender", "VARCHAR", QUASI_IDENTIFIER),
            column("hospital_code", "VARCHAR", ATTRIBUTE).withJoinKey(FACILITY),
            column("fund_paid", "DOUBLE", METRIC).withBounds(new java.math.BigDecimal("0"), new java.math.BigDecimal("4200"),
                    new java.math.BigDecimal("0.01"))));

    /** An organization's own table: no entity column, GENERAL as the runner describes own tables. */
    private static final TableSchema PARTNERS = TableSchema.of("my_partner_hospitals", Grade.GENERAL, null, List.of(
            column("hospital_code", "VARCHAR", ATTRIBUTE).withJoinKey(FACILITY),
            column("tier", "VARCHAR", ATTRIBUTE)));

    private static final TableSchema FACILITIES = TableSchema.of("facilities", Grade.GENERAL, "facility_id", List.of(
            column("facility_id", "VARCHAR", IDENTIFIER),
            column("hospital_code", "VARCHAR", ATTRIBUTE).withJoinKey(FACILITY),
            column("level", "VARCHAR", ATTRIBUTE)));

    private static final TableSchema STAFF = TableSchema.of("hospital_staff", Grade.IMPORTANT, "staff_id", List.of(
            column("staff_id", "VARCHAR", IDENTIFIER),
            column("hospital_code", "VARCHAR", ATTRIBUTE).withJoinKey(FACILITY)));

    private static final Map<String, TableSchema> TABLES = Map.of(CLAIMS.alias(), CLAIMS, PARTNERS.alias(), PARTNERS,
            FACILITIES.alias(), FACILITIES, STAFF.alias(), STAFF);

    private final StatementGuard guard = new StatementGuard();

    private GuardedStatement check(String sql) throws StatementRefused {
        return guard.check(sql, TABLES, IMPORTANT, UNTAGGED_OUTPUT_USES);
    }

    @Test
    void aNoisedDatasetJoinedWithAnOwnTable_isBoundedOnTheNoisedDatasetsEntity() throws StatementRefused {
        GuardedStatement statement = check("SELECT p.tier, count(*) AS claims, avg(c.fund_paid) AS paid FROM claims c "
                + "JOIN my_partner_hospitals p ON c.hospital_code = p.hospital_code GROUP BY p.tier");

        AggregateShape shape = statement.shape();
        assertEquals("c.person_id", shape.entity(), "the privacy unit is the noised dataset's entity");
        assertEquals(List.of(), shape.joinedEntities(), "an own table has no entities to count");
        assertTrue(shape.from().contains("JOIN my_partner_hospitals AS p ON c.hospital_code = p.hospital_code"), shape.from());
        // what each table is joined on (the own table's key must be unique in it: the runner checks its file)
        assertEquals(Map.of("claims", java.util.Set.of("hospital_code"), "my_partner_hospitals", java.util.Set.of("hospital_code")),
                statement.joinColumnsByAlias());
    }

    @Test
    void theOwnTableMayComeFirst_thePrivacyUnitIsStillTheNoisedDataset() throws StatementRefused {
        GuardedStatement statement = check("SELECT p.tier, count(DISTINCT c.person_id) AS persons FROM my_partner_hospitals p "
                + "JOIN claims c ON c.hospital_code = p.hospital_code GROUP BY p.tier");

        assertEquals("c.person_id", statement.shape().entity());
        assertEquals("COUNT_DISTINCT", statement.shape().outputs().get(1).aggregate());
    }

    @Test
    void anotherPublicDatasetJoined_isCountedForKOnItsOwnEntity() throws StatementRefused {
        GuardedStatement statement = check("SELECT f.level, count(*) AS claims FROM claims c "
                + "JOIN facilities f ON c.hospital_code = f.hospital_code GROUP BY f.level");

        assertEquals("c.person_id", statement.shape().entity());
        assertEquals(List.of("f.facility_id"), statement.shape().joinedEntities());
    }

    @Test
    void countingTheJoinedDatasetsEntities_isRefused_onlyThePrivacyUnitIsCounted() {
        StatementRefused refused = assertThrows(StatementRefused.class, () -> check("SELECT count(DISTINCT f.facility_id) AS n "
                + "FROM claims c JOIN facilities f ON c.hospital_code = f.hospital_code"));
        assertEquals("count_distinct_entity_only", refused.code(), refused.getMessage());
        StatementRefused distinct = assertThrows(StatementRefused.class, () -> check("SELECT count(DISTINCT f.level) AS n "
                + "FROM claims c JOIN facilities f ON c.hospital_code = f.hospital_code"));
        assertEquals("count_distinct_entity_only", distinct.code());
        assertTrue(distinct.messageEn().contains("person_id"), distinct.messageEn());
    }

    @Test
    void twoDatasetsOfTheNoisedGrade_areRefusedNamingThem() {
        StatementRefused refused = assertThrows(StatementRefused.class, () -> check("SELECT count(*) AS n FROM claims c "
                + "JOIN hospital_staff s ON c.hospital_code = s.hospital_code"));
        assertEquals("noised_datasets_joined", refused.code());
        assertTrue(refused.messageEn().contains("claims, hospital_staff"), refused.messageEn());
    }

    @Test
    void theJoinKey_staysOutOfTheOutput_andRowsStayAggregated() {
        assertEquals("join_key_in_output", assertThrows(StatementRefused.class, () -> check("SELECT p.hospital_code, count(*) AS n "
                + "FROM claims c JOIN my_partner_hospitals p ON c.hospital_code = p.hospital_code GROUP BY p.hospital_code")).code());
        assertEquals("row_level_output_not_allowed", assertThrows(StatementRefused.class, () -> check("SELECT p.tier "
                + "FROM claims c JOIN my_partner_hospitals p ON c.hospital_code = p.hospital_code")).code());
    }

    @Test
    void aJoinOnAColumnThatIsNoDeclaredKey_isRefused() {
        assertEquals("join_key_not_declared", assertThrows(StatementRefused.class, () -> check("SELECT count(*) AS n FROM claims c "
                + "JOIN my_partner_hospitals p ON c.gender = p.tier")).code());
    }
}
