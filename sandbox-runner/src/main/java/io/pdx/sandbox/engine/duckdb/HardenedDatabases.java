package io.pdx.sandbox.engine.duckdb;

import io.pdx.sandbox.engine.SandboxLimits;

import io.pdx.contracts.runner.SandboxDataset;
import io.pdx.sandbox.data.DataFolder;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.duckdb.DuckDBConnection;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hardened DuckDB databases kept open between jobs, one per set of licensed views (datasets,
 * their licensed columns, the files' versions, ordered or not). Opening one costs more than a
 * small query (an empty in-memory DuckDB alone takes ~12 ms here, then the settings, the views
 * and the Parquet footers); a job instead gets a connection of its own to a database that was
 * hardened and locked once ({@link HardenedDuckDb}): nothing a statement says can change its
 * settings, and the guard lets through only a SELECT, so no job leaves anything behind for the
 * next. Jobs on the same views share the database's memory limit. A database on which a job
 * failed is dropped, the next job opens a fresh one. At most {@link #KEPT} are kept.
 */
@ApplicationScoped
public class HardenedDatabases {

    static final int KEPT = 16;
    private static final Logger LOG = Logger.getLogger(HardenedDatabases.class);

    private final DataFolder data;
    private final SandboxLimits limits;
    private final Map<String, DuckDBConnection> open = new LinkedHashMap<>(KEPT, 0.75f, true);

    public HardenedDatabases(DataFolder data, SandboxLimits limits) {
        this.data = data;
        this.limits = limits;
    }

    /** A new connection to the hardened database of these views; the caller closes it. */
    public Connection connect(List<SandboxDataset> datasets, boolean preserveOrder) throws SQLException {
        String key = key(datasets, preserveOrder);
        synchronized (open) {
            DuckDBConnection database = open.get(key);
            if (database == null) {
                database = (DuckDBConnection) HardenedDuckDb.open(data, datasets, limits, preserveOrder);
                open.put(key, database);
                closeEldestBeyond(KEPT);
            }
            return database.duplicate();
        }
    }

    /** Drops the database of these views (a job failed on it); connections still open keep it until they close. */
    public void discard(List<SandboxDataset> datasets, boolean preserveOrder) {
        String key;
        try {
            key = key(datasets, preserveOrder);
        } catch (SQLException unreadable) {
            return;
        }
        synchronized (open) {
            closeQuietly(open.remove(key));
        }
    }

    /** Databases kept open right now (for tests). */
    int kept() {
        synchronized (open) {
            return open.size();
        }
    }

    private void closeEldestBeyond(int size) {
        Iterator<DuckDBConnection> eldest = open.values().iterator();
        while (open.size() > size && eldest.hasNext()) {
            closeQuietly(eldest.next());
            eldest.remove();
        }
    }

    private String key(List<SandboxDataset> datasets, boolean preserveOrder) throws SQLException {
        StringBuilder key = new StringBuilder(preserveOrder ? "ordered" : "unordered");
        for (SandboxDataset dataset : datasets) {
            try {
                key.append('|').append(dataset.alias()).append('@').append(data.versionOf(dataset));
            } catch (IOException missing) {
                throw new SQLException("dataset file missing for alias " + dataset.alias(), missing);
            }
            key.append('|').append(dataset.entityColumn());
            dataset.columns().forEach(column -> key.append(',').append(column.name()));
        }
        return key.toString();
    }

    private static void closeQuietly(Connection database) {
        if (database == null) {
            return;
        }
        try {
            database.close();
        } catch (SQLException ignored) {
            LOG.debug("closing a kept DuckDB failed");
        }
    }

    @PreDestroy
    void closeAll() {
        synchronized (open) {
            open.values().forEach(HardenedDatabases::closeQuietly);
            open.clear();
        }
    }
}
