package io.pdx.sandbox.engine.duckdb;

import io.pdx.sandbox.engine.QueryEngine;

import io.pdx.contracts.runner.SandboxDataset;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBResultSet;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@link QueryEngine} on DuckDB: a session is a connection to a {@link HardenedDatabases kept hardened
 * database} of the licensed views; a statement is prepared (parsed, bound and planned: a failure there read
 * no data) and then executed with its result exported as Arrow, cancelled by a timer at the time limit.
 */
@ApplicationScoped
public class DuckDbEngine implements QueryEngine {

    private final HardenedDatabases databases;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sandbox-time-limit");
        thread.setDaemon(true);
        return thread;
    });

    public DuckDbEngine(HardenedDatabases databases) {
        this.databases = databases;
    }

    @Override
    public Session open(List<SandboxDataset> datasets) throws SQLException {
        Connection connection = databases.connect(datasets, true);
        return new Session() {
            @Override
            public Prepared prepare(String sql) throws NotExecutable, SQLException {
                PreparedStatement statement;
                try {
                    statement = connection.prepareStatement(sql);
                } catch (SQLException unbindable) {
                    throw new NotExecutable();
                }
                return new DuckDbPrepared(statement);
            }

            @Override
            public void close() throws SQLException {
                connection.close();
            }
        };
    }

    @Override
    public void discard(List<SandboxDataset> datasets) {
        databases.discard(datasets, true);
    }

    private final class DuckDbPrepared implements Prepared {

        private final PreparedStatement statement;
        private final AtomicBoolean timedOut = new AtomicBoolean();
        private ScheduledFuture<?> cancel;
        private ResultSet rows;

        DuckDbPrepared(PreparedStatement statement) {
            this.statement = statement;
        }

        @Override
        public ArrowReader execute(BufferAllocator allocator, int batchRows, Duration timeLimit) throws SQLException {
            cancel = timer.schedule(() -> {
                timedOut.set(true);
                try {
                    statement.cancel();
                } catch (SQLException | RuntimeException ignored) {
                    // it ended on its own meanwhile
                }
            }, timeLimit.toMillis(), TimeUnit.MILLISECONDS);
            try {
                rows = statement.executeQuery();
            } catch (SQLException failure) {
                throw timedOut.get() ? new TimedOut() : failure;
            }
            return (ArrowReader) ((DuckDBResultSet) rows).arrowExportStream(allocator, batchRows);
        }

        @Override
        public boolean timedOut() {
            return timedOut.get();
        }

        @Override
        public void close() throws SQLException {
            if (cancel != null) {
                cancel.cancel(false);
            }
            try {
                if (rows != null) {
                    rows.close();
                }
            } finally {
                statement.close();
            }
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
