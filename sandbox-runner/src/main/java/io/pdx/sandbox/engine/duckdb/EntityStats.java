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
 * The most rows any one person or entity has in a dataset, computed once per file version. It
 * bounds the distinct entities of a group from below: a group of {@code n} rows of one table holds
 * at least {@code ceil(n / max)} entities, whatever the filter. Groups that clear k by that bound
 * need no exact distinct count, which is what makes k-anonymity cheap on large groups.
 */
@ApplicationScoped
public class EntityStats {

    private final DataFolder data;
    private final Map<String, Long> maxRows = new ConcurrentHashMap<>();

    public EntityStats(DataFolder data) {
        this.data = data;
    }

    public long maxRowsPerEntity(String alias, String entityColumn) throws SQLException, IOException {
        Path file = data.parquetFileOf(alias);
        String key = data.versionOf(alias) + "|" + entityColumn;
        Long known = maxRows.get(key);
        if (known != null) {
            return known;
        }
        long computed = compute(file, entityColumn);
        maxRows.put(key, computed);
        return computed;
    }

    private static long compute(Path file, String entityColumn) throws SQLException {
        try (Connection duck = DuckDb.inMemory(); Statement sql = duck.createStatement()) {
            sql.execute("SET autoinstall_known_extensions = false");
            sql.execute("SET autoload_known_extensions = false");
            try (ResultSet row = sql.executeQuery("SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM read_parquet('"
                    + file.toString().replace("'", "''") + "') GROUP BY " + HardenedDuckDb.identifier(entityColumn) + ")")) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
