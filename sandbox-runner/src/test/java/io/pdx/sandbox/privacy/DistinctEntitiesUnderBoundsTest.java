package io.pdx.sandbox.privacy;

import io.pdx.sandbox.sql.AggregateShape;
import io.pdx.sandbox.sql.AggregateShape.Output;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBResultSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * COUNT(DISTINCT entity) by group under the contribution bounds (issue 20, bench/dp-accuracy.sh query 3): an entity
 * is in a group if any of its rows is, so the only entities a group may lose are those the group bound cuts (each
 * entity keeps at most {@code max_groups_per_entity} of its groups); the row bound must not empty a group the entity
 * keeps. Before the fix, an entity with 30 rows in one group and 1 in another kept 10 random rows and lost the small
 * group in about 2 runs of 3: {@code SELECT g, count(DISTINCT e) … GROUP BY g} released about 645 of 2,000.
 */
class DistinctEntitiesUnderBoundsTest {

    private static final Contribution BOUNDS = new Contribution(10, 3);
    private static final AggregateShape PERSONS_BY_GROUP = new AggregateShape("t", null, "t.e", List.of(), List.of("t.g"), List.of(
            new Output("g", 0, null, null, null),
            new Output("persons", -1, "COUNT_DISTINCT", null, null)), List.of(), List.of(), null, null);

    private Connection duck;

    @BeforeEach
    void open() throws SQLException {
        duck = io.pdx.sandbox.driver.DuckDb.inMemory();
    }

    @AfterEach
    void close() throws SQLException {
        duck.close();
    }

    @Test
    void aGroupTheEntityKeeps_isNotEmptiedByTheRowBound() throws Exception {
        // 2,000 persons, each with 30 rows in 'big' and 1 row in 'small': two groups, under G = 3, so every person is
        // in both; the row bound (R = 10) must keep the one row in 'small'
        table("SELECT 'p' || i AS e, 'big' AS g FROM range(2000) p(i), range(30) r(j)"
                + " UNION ALL SELECT 'p' || i AS e, 'small' AS g FROM range(2000) p(i)");
        for (long seed = 1; seed <= 3; seed++) {
            Map<String, long[]> exact = bounded(seed);
            assertEquals(2000, exact.get("small")[0], "persons kept in 'small' by the bounded statement");
            assertEquals(2000, exact.get("big")[0], "persons kept in 'big'");
            Map<String, Long> released = released(seed);
            // discrete Laplace of scale G / (ε / 2) = 6: |noise| ≥ 120 has probability about 2 e^-20
            assertTrue(Math.abs(released.get("small") - 2000) < 120, "released 'small': " + released.get("small"));
            assertTrue(Math.abs(released.get("big") - 2000) < 120, "released 'big': " + released.get("big"));
        }
    }

    @Test
    void eachPerson_isCountedInExactlyMaxGroupsOfItsGroups_whateverItsRows() throws Exception {
        // 1,000 persons, each in 5 groups with 6 rows in each: the group bound keeps 3 groups (18 rows), the row
        // bound 10 of those rows; every kept group keeps a row, so the counts add up to 3 per person
        table("SELECT 'p' || i AS e, 'g' || k AS g FROM range(1000) p(i), range(5) s(k), range(6) r(j)");
        for (long seed = 1; seed <= 3; seed++) {
            Map<String, long[]> exact = bounded(seed);
            long memberships = exact.values().stream().mapToLong(v -> v[0]).sum();
            assertEquals(3 * 1000, memberships, "each person in exactly min(G, its groups) = 3 groups");
            assertEquals(5, exact.size());
            for (long[] group : exact.values()) {
                // each group kept by binomial(1000, 3/5) persons: 600 ± 6 sd
                assertTrue(Math.abs(group[0] - 600) < 95, "persons kept in a group: " + group[0]);
            }
        }
    }

    private void table(String select) throws SQLException {
        try (Statement sql = duck.createStatement()) {
            sql.execute("CREATE OR REPLACE TABLE t AS " + select);
        }
    }

    private PrivateAggregation mechanism(long seed) {
        return new PrivateAggregation(PERSONS_BY_GROUP, 50, 1e-7, BOUNDS, 1_000_000, new DiscreteLaplace(new Random(seed)), seed);
    }

    /** The bounded statement's exact aggregates per group: distinct persons, and the entity count of the threshold. */
    private Map<String, long[]> bounded(long seed) throws SQLException {
        Map<String, long[]> groups = new HashMap<>();
        try (Statement sql = duck.createStatement(); ResultSet result = sql.executeQuery(mechanism(seed).sql())) {
            while (result.next()) {
                long persons = result.getLong("__pdx_c1");
                assertEquals(persons, result.getLong("__pdx_entities"));
                groups.put(result.getString("g"), new long[] {persons});
            }
        }
        return groups;
    }

    /** The released (noised, thresholded) persons per group, through the whole output control. */
    private Map<String, Long> released(long seed) throws Exception {
        PrivateAggregation mechanism = mechanism(seed);
        Map<String, Long> out = new HashMap<>();
        try (BufferAllocator allocator = new RootAllocator();
             Statement sql = duck.createStatement();
             ResultSet rows = sql.executeQuery(mechanism.sql());
             ArrowReader reader = (ArrowReader) ((DuckDBResultSet) rows).arrowExportStream(allocator, 1024)) {
            VectorSchemaRoot source = reader.getVectorSchemaRoot();
            try (VectorSchemaRoot released = VectorSchemaRoot.create(
                    mechanism.releasedSchema(source.getSchema(), Map.of()), allocator)) {
                released.allocateNew();
                released.setRowCount(0);
                while (reader.loadNextBatch()) {
                    mechanism.accept(source, released);
                }
                for (int row = 0; row < released.getRowCount(); row++) {
                    out.put(released.getVector("g").getObject(row).toString(),
                            ((BigIntVector) released.getVector("persons")).get(row));
                }
            }
        }
        return out;
    }
}
