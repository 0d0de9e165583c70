package io.pdx.sandbox.engine.duckdb;

import io.pdx.sandbox.data.DataFolder;
import io.pdx.sandbox.driver.DuckDb;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The number of rows of a dataset's Parquet file, read from its footer (no value is read), once per file version.
 * With the statement's cost units it fixes a job's slot: the only facts of the data a job's timing may depend on
 * are these sizes.
 */
@ApplicationScoped
public class TableSizes {

    private final DataFolder data;
    private final Map<String, Long> rows = new ConcurrentHashMap<>();

    public TableSizes(DataFolder data) {
        this.data = data;
    }

    /** Rows of the dataset {@code alias}, from its Parquet footer. */
    public long rowsOf(String alias) throws SQLException, IOException {
        return rowsOf(new io.pdx.contracts.runner.SandboxDataset(alias, null, null, java.util.List.of()));
    }

    /** Rows of a dataset (public, or an organization's own table), from its Parquet footer. */
    public long rowsOf(io.pdx.contracts.runner.SandboxDataset dataset) throws SQLException, IOException {
        Path file = data.fileOf(dataset);
        String key = file + "@" + java.nio.file.Files.size(file) + "@" + java.nio.file.Files.getLastModifiedTime(file).toMillis();
        Long known = rows.get(key);
        if (known != null) {
            return known;
        }
        long counted = footerRows(file);
        rows.put(key, counted);
        return counted;
    }

    private static long footerRows(Path file) throws SQLException {
        try (Connection duck = DuckDb.inMemory(); Statement sql = duck.createStatement()) {
            sql.execute("SET autoinstall_known_extensions = false");
            sql.execute("SET autoload_known_extensions = false");
            try (ResultSet row = sql.executeQuery("SELECT coalesce(sum(num_rows), 0) FROM parquet_file_metadata('"
                    + file.toString().replace("'", "''") + "')")) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
