package io.pdx.sandbox.engine.duckdb;

import io.pdx.contracts.catalog.ColumnSpec;
import io.pdx.contracts.runner.SandboxDataset;
import io.pdx.sandbox.data.DataFolder;
import io.pdx.sandbox.driver.DuckDb;
import io.pdx.sandbox.engine.SandboxLimits;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Opens the DuckDB a job runs in: in memory, no extension autoload or autoinstall, a memory and
 * a thread limit, no spilling to disk, each licensed dataset attached as a read-only view of its
 * licensed columns (and its entity column, which only the output controls read) over its Parquet file — and then external access switched off (only those
 * files stay readable) and the configuration locked, so that nothing the statement says can
 * change any of it.
 */
public final class HardenedDuckDb {

    private HardenedDuckDb() {
    }

    public static Connection open(DataFolder data, List<SandboxDataset> datasets, SandboxLimits limits) throws SQLException {
        return open(data, datasets, limits, true);
    }

    /**
     * @param preserveOrder false where row order means nothing (a delivery): DuckDB then streams
     *                      rows as its threads produce them instead of in file order
     */
    public static Connection open(DataFolder data, List<SandboxDataset> datasets, SandboxLimits limits,
                                  boolean preserveOrder) throws SQLException {
        List<String> files = new ArrayList<>();
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty(org.duckdb.DuckDBDriver.JDBC_STREAM_RESULTS, "true"); // batches flow while the query runs
        Connection connection = DuckDb.inMemory(properties);
        try (Statement sql = connection.createStatement()) {
            sql.execute("SET autoinstall_known_extensions = false");
            sql.execute("SET autoload_known_extensions = false");
            sql.execute("SET memory_limit = '" + memoryLimit(limits.memoryLimit()) + "'");
            sql.execute("SET threads = " + Math.max(1, limits.threads()));
            sql.execute("SET temp_directory = ''");
            sql.execute("SET preserve_insertion_order = " + preserveOrder);
            for (SandboxDataset dataset : datasets) {
                Path file = data.fileOf(dataset);
                if (!Files.isRegularFile(file)) {
                    throw new SQLException("dataset file missing for alias " + dataset.alias());
                }
                List<String> names = new ArrayList<>(dataset.columns().stream().map(ColumnSpec::name).toList());
                if (dataset.entityColumn() != null && !names.contains(dataset.entityColumn())) {
                    names.add(dataset.entityColumn()); // for the output controls' distinct count; the guard keeps statements off it
                }
                String columns = names.stream().map(HardenedDuckDb::identifier).collect(Collectors.joining(", "));
                sql.execute("CREATE VIEW " + identifier(dataset.alias()) + " AS SELECT " + columns
                        + " FROM read_parquet(" + literal(file.toString()) + ")");
                files.add(literal(file.toString()));
            }
            sql.execute("SET allowed_paths = [" + String.join(", ", files) + "]");
            sql.execute("SET enable_external_access = false");
            sql.execute("SET lock_configuration = true");
        } catch (SQLException | RuntimeException failure) {
            connection.close();
            throw failure;
        }
        return connection;
    }

    /** A name from the catalog, checked to be a plain identifier and quoted. */
    public static String identifier(String name) {
        if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain identifier");
        }
        return '"' + name + '"';
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static String memoryLimit(String value) {
        if (!value.matches("[0-9]+(\\.[0-9]+)?\\s*[KMGT]?i?B")) {
            throw new IllegalArgumentException("pdx.sandbox.memory-limit must look like 512MB or 1GB");
        }
        return value;
    }
}
