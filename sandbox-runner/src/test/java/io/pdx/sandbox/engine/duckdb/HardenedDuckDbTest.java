package io.pdx.sandbox.engine.duckdb;

import org.junit.jupiter.api.Tag;
import io.pdx.sandbox.engine.SandboxLimits;

import io.pdx.contracts.ColumnTag;
import io.pdx.contracts.Grade;
import io.pdx.contracts.catalog.ColumnSpec;
import io.pdx.contracts.runner.SandboxDataset;
import io.pdx.sandbox.data.DataFolder;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The DuckDB a job runs in refuses file access, extensions and configuration changes by itself,
 * even for statements that never passed the SQL guard (defence in depth), and shows only the
 * licensed columns of the licensed file.
 */
@Tag("stack") // needs the real stack: ./pdx test starts it; the fast tier leaves it out
@QuarkusTest
class HardenedDuckDbTest {

    @Inject
    DataFolder data;
    @Inject
    SandboxLimits limits;

    static final SandboxDataset BUS = new SandboxDataset("bus_card_swipes", Grade.GENERAL, "card_id", List.of(
            new ColumnSpec("route_id", "VARCHAR", ColumnTag.ATTRIBUTE, "route"),
            new ColumnSpec("fare_cents", "INTEGER", ColumnTag.METRIC, "fare")));

    @Test
    void licensedView_readsOnlyTheLicensedColumns() throws SQLException {
        try (Connection duck = HardenedDuckDb.open(data, List.of(BUS), limits); Statement sql = duck.createStatement();
             ResultSet rows = sql.executeQuery("SELECT count(*), sum(fare_cents) FROM bus_card_swipes")) {
            rows.next();
            assertTrue(rows.getLong(1) > 0);
        }
        try (Connection duck = HardenedDuckDb.open(data, List.of(BUS), limits); Statement sql = duck.createStatement()) {
            SQLException refused = assertThrows(SQLException.class, () -> sql.executeQuery("SELECT stop_id FROM bus_card_swipes"));
            assertTrue(refused.getMessage().contains("stop_id"), "an unlicensed column does not exist in the view");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT * FROM read_csv('/etc/passwd')",
            "SELECT * FROM read_text('/etc/passwd')",
            "SELECT * FROM glob('/*')",
            "SELECT * FROM '/etc/passwd'",
            "SELECT * FROM read_parquet('%s/grid_load.parquet')",
            "COPY (SELECT 1) TO '/tmp/pdx-sandbox-escape.csv'",
            "ATTACH '/tmp/pdx-sandbox-escape.duckdb' AS escape",
            "INSTALL httpfs",
            "LOAD httpfs",
            "SET enable_external_access = true",
            "SET memory_limit = '64GB'",
            "SET threads = 64",
            "RESET lock_configuration",
    })
    void escapes_areRefusedByDuckDbItself(String attack) throws SQLException {
        try (Connection duck = HardenedDuckDb.open(data, List.of(BUS), limits); Statement sql = duck.createStatement()) {
            assertThrows(SQLException.class, () -> sql.execute(attack.formatted(data.root())));
        }
        assertTrue(!java.nio.file.Files.exists(java.nio.file.Path.of("/tmp/pdx-sandbox-escape.csv")));
    }

    @Test
    void limits_areInForce() throws SQLException {
        try (Connection duck = HardenedDuckDb.open(data, List.of(BUS), limits); Statement sql = duck.createStatement();
             ResultSet rows = sql.executeQuery("SELECT current_setting('threads'), current_setting('enable_external_access'),"
                     + " current_setting('autoload_known_extensions')")) {
            rows.next();
            assertEquals(String.valueOf(limits.threads()), rows.getString(1));
            assertEquals("false", rows.getString(2));
            assertEquals("false", rows.getString(3));
        }
    }
}
