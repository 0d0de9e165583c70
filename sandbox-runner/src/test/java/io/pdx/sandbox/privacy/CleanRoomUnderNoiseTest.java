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

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A clean room under noise (issue 22): a dataset whose grade adds noise joined with an organization's own table and
 * with another public dataset. The privacy unit is the noised dataset's entity; what the join brings in for it — however
 * many rows of the other side match — is bounded like its own rows, and the other public dataset's entities must pass
 * k under their own noise. Run in DuckDB on the bounded statement the runner runs.
 */
class CleanRoomUnderNoiseTest {

    private static final Contribution BOUNDS = new Contribution(10, 3);
    private static final int RUNS = 20_000;
    private static final double ALPHA = 1e-6;

    /** {@code SELECT o.tier, count(*) AS n FROM c JOIN o ON c.h = o.h GROUP BY o.tier}: c noised, o an own table. */
    private static final AggregateShape BY_TIER = new AggregateShape("c JOIN o ON c.h = o.h", null, "c.e", List.of(),
            List.of("o.tier"), List.of(new Output("tier", 0, null, null, null), new Output("n", -1, "COUNT", null, null)),
            List.of(), List.of(), null, null);

    /** The same, with a public dataset f joined too (its entity f.fid counted for k). */
    private static final AggregateShape BY_TIER_WITH_FACILITIES = new AggregateShape(
            "c JOIN o ON c.h = o.h JOIN f ON c.h = f.h", null, "c.e", List.of("f.fid"),
            List.of("o.tier"), List.of(new Output("tier", 0, null, null, null), new Output("n", -1, "COUNT", null, null)),
            List.of(), List.of(), null, null);

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
    void whatTheJoinBringsInForOneEntity_isBoundedLikeItsOwnRows() throws Exception {
        // 3,000 persons with one claim each at hospitals h0..h29; the own table names every hospital once, except h0,
        // which it names 1,000 times (a fan-out the enterprise controls). Person 'x' is the only one at h0.
        sql("CREATE TABLE c AS SELECT 'p' || i AS e, 'h' || (1 + i % 29) AS h FROM range(3000) t(i)"
                + " UNION ALL SELECT 'x', 'h0'");
        sql("CREATE TABLE o AS SELECT 'h' || i AS h, 'tier' || (i % 3) AS tier FROM range(1, 30) t(i)"
                + " UNION ALL SELECT 'h0', 'tier0' FROM range(1000)");
        long plainWith = count("SELECT count(*) FROM c JOIN o ON c.h = o.h");
        sql("DELETE FROM c WHERE e = 'x'");
        long plainWithout = count("SELECT count(*) FROM c JOIN o ON c.h = o.h");
        assertEquals(1000, plainWith - plainWithout, "the plain join: one person brings 1,000 rows");

        sql("INSERT INTO c VALUES ('x', 'h0')");
        long boundedWith = bounded(BY_TIER, 1).values().stream().mapToLong(group -> group[0]).sum();
        sql("DELETE FROM c WHERE e = 'x'");
        long boundedWithout = bounded(BY_TIER, 1).values().stream().mapToLong(group -> group[0]).sum();
        assertEquals(BOUNDS.maxRows(), boundedWith - boundedWithout, "the bounded statement: at most max_rows_per_entity rows");
    }

    @Test
    void aGroupOfOnePublicEntity_isWithheld_howeverManyPersonsItHas() throws Exception {
        // 5,000 persons at hospitals h1..h50; tier0 = h1..h25 belongs to one facility entity, tier1 = h26..h50 to 25
        sql("CREATE TABLE c AS SELECT 'p' || i AS e, 'h' || (1 + i % 50) AS h FROM range(5000) t(i)");
        sql("CREATE TABLE o AS SELECT 'h' || i AS h, CASE WHEN i <= 25 THEN 'tier0' ELSE 'tier1' END AS tier FROM range(1, 51) t(i)");
        sql("CREATE TABLE f AS SELECT 'h' || i AS h, CASE WHEN i <= 25 THEN 'F-one' ELSE 'F' || i END AS fid FROM range(1, 51) t(i)");
        Map<String, long[]> exact = bounded(BY_TIER_WITH_FACILITIES, 2);
        assertEquals(1, exact.get("tier0")[2], "one facility entity in tier0");
        assertEquals(25, exact.get("tier1")[2]);
        assertEquals(2500, exact.get("tier0")[1], "2,500 persons in tier0, far over the noisy threshold");
        for (long seed = 1; seed <= 20; seed++) {
            assertFalse(released(BY_TIER_WITH_FACILITIES, seed).containsKey("tier0"),
                    "a group of one entity of the joined public dataset is never released");
        }
    }

    @Test
    void manyPublicEntities_andPersons_areReleased() throws Exception {
        // 20,000 persons at 2,000 hospitals, each its own facility entity: both tiers pass both thresholds
        sql("CREATE TABLE c AS SELECT 'p' || i AS e, 'h' || (i % 2000) AS h FROM range(20000) t(i)");
        sql("CREATE TABLE o AS SELECT 'h' || i AS h, 'tier' || (i % 2) AS tier FROM range(2000) t(i)");
        sql("CREATE TABLE f AS SELECT 'h' || i AS h, 'F' || i AS fid FROM range(2000) t(i)");
        PrivateAggregation mechanism = mechanism(BY_TIER_WITH_FACILITIES, 3, new Random(3));
        assertEquals(3, mechanism.shares(), "the selection, the facilities' threshold and COUNT");
        Map<String, Long> released = released(BY_TIER_WITH_FACILITIES, 3);
        assertEquals(2, released.size(), "1,000 facilities and 10,000 persons per tier pass: " + released);
        // COUNT's noise: scale R / (ε / 3) = 30; |noise| ≥ 600 has probability about e^-20
        released.values().forEach(n -> assertTrue(Math.abs(n - 10_000) < 600, "released count " + n));
    }

    /**
     * The joined entities' threshold is a Laplace mechanism of sensitivity R (one person brings at most R rows, each at
     * most one facility into one group): two neighbouring counts R apart must not be told apart by the release decision
     * beyond its share of ε. Counts at the threshold and R under it; with the sensitivity taken as 1 (noise ten times
     * smaller) the lower bound is about 3 against a share of 1/3, and the audit fails.
     */
    @Test
    void theJoinedEntitiesThreshold_tellsNeighboursApartByNoMoreThanItsShare() {
        GroupSelection selection = new GroupSelection(50, 1e-7, BOUNDS.maxRows(), 1_000_000, 3,
                new DiscreteLaplace(new SecureRandom()));
        long at = selection.threshold();
        long releasedAt = 0;
        long releasedUnder = 0;
        for (int run = 0; run < RUNS; run++) {
            releasedAt += selection.releases(at) ? 1 : 0;
            releasedUnder += selection.releases(at - BOUNDS.maxRows()) ? 1 : 0;
        }
        double forward = Math.log(ClopperPearson.lower(releasedAt, RUNS, ALPHA) / ClopperPearson.upper(releasedUnder, RUNS, ALPHA));
        double backward = Math.log(ClopperPearson.lower(RUNS - releasedUnder, RUNS, ALPHA)
                / ClopperPearson.upper(RUNS - releasedAt, RUNS, ALPHA));
        double share = 1.0 / 3;
        assertTrue(Math.max(forward, backward) <= share, "ε bounded from below at " + Math.max(forward, backward)
                + " against a share of " + share + " (" + releasedAt + " vs " + releasedUnder + " of " + RUNS + ")");
        assertTrue(releasedUnder > 1000, "the test has power: the count under the threshold is released in "
                + releasedUnder + " runs");
    }

    private void sql(String statement) throws SQLException {
        try (Statement sql = duck.createStatement()) {
            sql.execute(statement);
        }
    }

    private long count(String query) throws SQLException {
        try (Statement sql = duck.createStatement(); ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private PrivateAggregation mechanism(AggregateShape shape, long seed, Random random) {
        return new PrivateAggregation(shape, 50, 1e-7, BOUNDS, 1_000_000, new DiscreteLaplace(random), seed);
    }

    /** The bounded statement's exact aggregates per tier: rows, persons and (if joined) public entities. */
    private Map<String, long[]> bounded(AggregateShape shape, long seed) throws SQLException {
        Map<String, long[]> groups = new HashMap<>();
        boolean joined = !shape.joinedEntities().isEmpty();
        try (Statement sql = duck.createStatement(); ResultSet rows = sql.executeQuery(mechanism(shape, seed, new Random(seed)).sql())) {
            while (rows.next()) {
                groups.put(rows.getString("tier"), new long[] {rows.getLong("__pdx_c1"), rows.getLong(BoundedQuery.ENTITIES),
                        joined ? rows.getLong(BoundedQuery.joinedEntities(0)) : 0});
            }
        }
        return groups;
    }

    /** One run of the whole mechanism: the released count per tier. */
    private Map<String, Long> released(AggregateShape shape, long seed) throws Exception {
        PrivateAggregation mechanism = mechanism(shape, seed, new Random(seed));
        Map<String, Long> out = new HashMap<>();
        try (Statement sql = duck.createStatement();
             DuckDBResultSet rows = (DuckDBResultSet) sql.executeQuery(mechanism.sql());
             BufferAllocator allocator = new RootAllocator();
             ArrowReader reader = (ArrowReader) rows.arrowExportStream(allocator, 1024)) {
            VectorSchemaRoot source = reader.getVectorSchemaRoot();
            try (VectorSchemaRoot released = VectorSchemaRoot.create(mechanism.releasedSchema(source.getSchema(), Map.of()), allocator)) {
                released.allocateNew();
                released.setRowCount(0);
                while (reader.loadNextBatch()) {
                    mechanism.accept(source, released);
                }
                for (int row = 0; row < released.getRowCount(); row++) {
                    out.put(released.getVector("tier").getObject(row).toString(), ((BigIntVector) released.getVector("n")).get(row));
                }
            }
        }
        return out;
    }
}
