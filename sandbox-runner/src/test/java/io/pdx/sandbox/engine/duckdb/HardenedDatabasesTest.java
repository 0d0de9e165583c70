package io.pdx.sandbox.engine.duckdb;

import org.junit.jupiter.api.Tag;
import io.pdx.sandbox.engine.duckdb.HardenedDatabases;

import io.pdx.contracts.ColumnTag;
import io.pdx.contracts.Grade;
import io.pdx.contracts.catalog.ColumnSpec;
import io.pdx.contracts.runner.SandboxDataset;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A database kept open between jobs stays as hardened as a fresh one for every connection handed
 * out, is kept apart per set of licensed columns, and is dropped on demand without breaking the
 * connections still reading it.
 */
@Tag("stack") // needs the real stack: ./pdx test starts it; the fast tier leaves it out
@QuarkusTest
class HardenedDatabasesTest {

    @Inject
    HardenedDatabases databases;

    static final SandboxDataset ROUTES_AND_FARES = HardenedDuckDbTest.BUS;
    static final SandboxDataset ROUTES_ONLY = new SandboxDataset("bus_card_swipes", Grade.GENERAL, "card_id", List.of(
            new ColumnSpec("route_id", "VARCHAR", ColumnTag.ATTRIBUTE, "route")));

    @BeforeEach
    void empty() {
        databases.closeAll();
    }

    @Test
    void connectionsToTheSameViews_shareOneDatabase_andEachIsLocked() throws SQLException {
        long swipes;
        try (Connection first = databases.connect(List.of(ROUTES_AND_FARES), true)) {
            swipes = count(first, "SELECT count(*) FROM bus_card_swipes");
        }
        try (Connection second = databases.connect(List.of(ROUTES_AND_FARES), true); Statement sql = second.createStatement()) {
            assertEquals(swipes, count(second, "SELECT count(*) FROM bus_card_swipes"));
            assertThrows(SQLException.class, () -> sql.execute("SET enable_external_access = true"));
            assertThrows(SQLException.class, () -> sql.execute("SET threads = 64"));
            assertThrows(SQLException.class, () -> sql.executeQuery("SELECT * FROM read_csv('/etc/passwd')"));
            assertThrows(SQLException.class, () -> sql.executeQuery("SELECT * FROM '/etc/passwd'"));
        }
        assertTrue(swipes > 0);
        assertEquals(1, databases.kept());
    }

    @Test
    void otherLicensedColumns_getADatabaseOfTheirOwn_thatShowsOnlyThose() throws SQLException {
        try (Connection wide = databases.connect(List.of(ROUTES_AND_FARES), true);
             Connection narrow = databases.connect(List.of(ROUTES_ONLY), true); Statement sql = narrow.createStatement()) {
            assertTrue(count(wide, "SELECT count(fare_cents) FROM bus_card_swipes") > 0);
            assertThrows(SQLException.class, () -> sql.executeQuery("SELECT sum(fare_cents) FROM bus_card_swipes"));
        }
        assertEquals(2, databases.kept());
    }

    @Test
    void aDiscardedDatabase_servesTheConnectionsStillOpen_andTheNextJobGetsAFreshOne() throws SQLException {
        try (Connection running = databases.connect(List.of(ROUTES_AND_FARES), true)) {
            databases.discard(List.of(ROUTES_AND_FARES), true);
            assertEquals(0, databases.kept());
            assertTrue(count(running, "SELECT count(*) FROM bus_card_swipes") > 0);
        }
        try (Connection next = databases.connect(List.of(ROUTES_AND_FARES), true)) {
            assertTrue(count(next, "SELECT count(*) FROM bus_card_swipes") > 0);
        }
        assertEquals(1, databases.kept());
    }

    @Test
    void atMostKeptDatabases_stayOpen() throws SQLException {
        List<String> names = List.of("swipe_time", "route_id", "stop_id", "district_code", "card_type", "fare_cents", "is_transfer");
        for (int subset = 1; subset <= HardenedDatabases.KEPT + 3; subset++) {
            List<ColumnSpec> columns = new ArrayList<>();
            for (int bit = 0; bit < names.size(); bit++) {
                if ((subset & (1 << bit)) != 0) {
                    columns.add(new ColumnSpec(names.get(bit), "VARCHAR", ColumnTag.ATTRIBUTE, names.get(bit)));
                }
            }
            SandboxDataset dataset = new SandboxDataset("bus_card_swipes", Grade.GENERAL, "card_id", columns);
            try (Connection connection = databases.connect(List.of(dataset), true)) {
                assertTrue(count(connection, "SELECT count(*) FROM bus_card_swipes") > 0);
            }
        }
        assertEquals(HardenedDatabases.KEPT, databases.kept());
    }

    private static long count(Connection connection, String query) throws SQLException {
        try (Statement sql = connection.createStatement(); ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
