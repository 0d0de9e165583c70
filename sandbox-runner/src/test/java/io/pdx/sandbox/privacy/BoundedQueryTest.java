package io.pdx.sandbox.privacy;

import io.pdx.sandbox.sql.AggregateShape;
import io.pdx.sandbox.sql.AggregateShape.Output;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contribution bounds as the bounded statement enforces them in DuckDB: one entity with 30 rows in 5 groups,
 * at values far above the declared upper bound, contributes at most 10 rows, in at most 3 groups, each row at
 * most the bound — the groups and rows chosen at random from run to run.
 */
class BoundedQueryTest {

    private static final AggregateShape.ValueBounds BOUNDS =
            new AggregateShape.ValueBounds(BigDecimal.ZERO, new BigDecimal("500"), new BigDecimal("0.01"));
    private static final AggregateShape SHAPE = new AggregateShape("t", null, "t.e", List.of(), List.of("t.g"), List.of(
            new Output("g", 0, null, null, null),
            new Output("rows", -1, "COUNT", null, null),
            new Output("total", -1, "SUM", "t.x", BOUNDS),
            new Output("people", -1, "COUNT_DISTINCT", null, null)), List.of(), List.of(), null, null);

    private Connection duck;

    @BeforeEach
    void data() throws SQLException {
        duck = io.pdx.sandbox.driver.DuckDb.inMemory();
        try (Statement sql = duck.createStatement()) {
            sql.execute("CREATE TABLE t AS SELECT 'A' AS e, 'g' || (i % 5) AS g, 1000.0 AS x FROM range(30) r(i)"
                    + " UNION ALL SELECT NULL AS e, 'g0' AS g, 1.0 AS x FROM range(50)");
        }
    }

    @AfterEach
    void close() throws SQLException {
        duck.close();
    }

    @Test
    void oneEntity_contributesAtMostMaxRowsInAtMostMaxGroups_atMostTheBoundEach() throws SQLException {
        Set<String> groupsSeen = new HashSet<>();
        for (int run = 0; run < 20; run++) {
            PrivateAggregation mechanism = new PrivateAggregation(SHAPE, 1, 0.5, new Contribution(10, 3), 1_000_000,
                    new DiscreteLaplace(new Random(run)), run);
            long rows = 0;
            int groups = 0;
            try (Statement sql = duck.createStatement(); ResultSet result = sql.executeQuery(mechanism.sql())) {
                while (result.next()) {
                    groups++;
                    groupsSeen.add(result.getString("g"));
                    long groupRows = result.getLong("__pdx_c1");
                    rows += groupRows;
                    assertEquals(groupRows * 50_000, result.getBigDecimal("__pdx_s2").longValueExact(),
                            "each row clamped to 500.00 = 50,000 units");
                    assertEquals(1, result.getLong("__pdx_c3"));
                    assertEquals(1, result.getLong("__pdx_entities"), "rows of a NULL entity count for nobody");
                }
            }
            assertEquals(10, rows, "at most max_rows_per_entity rows");
            assertTrue(groups <= 3, "at most max_groups_per_entity groups, saw " + groups);
        }
        assertEquals(5, groupsSeen.size(), "which groups an entity keeps is random: all five appear over 20 runs");
    }

    @Test
    void withoutGroups_theRowBoundAloneApplies() throws SQLException {
        AggregateShape total = new AggregateShape("t", "try(t.x > 100)", "t.e", List.of(), List.of(), List.of(
                new Output("rows", -1, "COUNT", null, null)), List.of(), List.of(), null, null);
        PrivateAggregation mechanism = new PrivateAggregation(total, 1, 0.5, new Contribution(10, 3), 1_000_000,
                new DiscreteLaplace(new Random(1)), 1);
        try (Statement sql = duck.createStatement(); ResultSet result = sql.executeQuery(mechanism.sql())) {
            assertTrue(result.next());
            assertEquals(10, result.getLong("__pdx_c0"));
            assertEquals(1, result.getLong("__pdx_entities"));
        }
    }

    @Test
    void eachEntityChoosesItsOwnGroups_soTheCutSpreadsOverEveryGroupWithinARun() throws SQLException {
        // 2,000 entities, each in all five groups: the bound keeps three per entity, 1,200 of each group on average;
        // one order shared by every entity would keep three groups whole and empty the other two
        try (Statement sql = duck.createStatement()) {
            sql.execute("CREATE OR REPLACE TABLE t AS SELECT 'p' || (i // 5) AS e, 'g' || (i % 5) AS g, 1.0 AS x FROM range(10000) r(i)");
        }
        PrivateAggregation mechanism = new PrivateAggregation(SHAPE, 1, 0.5, new Contribution(10, 3), 1_000_000,
                new DiscreteLaplace(new Random(7)), 7);
        int groups = 0;
        try (Statement sql = duck.createStatement(); ResultSet result = sql.executeQuery(mechanism.sql())) {
            while (result.next()) {
                groups++;
                long entities = result.getLong("__pdx_entities");
                // binomial(2000, 3/5): mean 1200, sd ~22; 1200 ± 150 is beyond six sd
                assertTrue(Math.abs(entities - 1200) < 150, "group " + result.getString("g") + " kept " + entities);
            }
        }
        assertEquals(5, groups);
    }
}
