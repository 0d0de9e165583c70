package io.pdx.sandbox.engine;

import io.pdx.sandbox.engine.duckdb.DuckDbEngine;

import io.pdx.contracts.runner.SandboxDataset;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * The engine a job's statement runs on, behind one seam: open a hardened session over the licensed views of
 * some datasets, bind a regenerated statement (without reading data), run it under a time limit and read
 * its rows as Arrow. The guard and the output controls never see which engine it is; DuckDB is the one
 * there is ({@link DuckDbEngine}), a distributed engine can be another.
 */
public interface QueryEngine {

    /** A hardened session over the licensed views of {@code datasets}: nothing a statement says changes its settings. */
    Session open(List<SandboxDataset> datasets) throws SQLException;

    /** Forgets what the engine keeps for these views (a run failed on them). */
    void discard(List<SandboxDataset> datasets);

    /** One session; closing it ends what it runs. */
    interface Session extends AutoCloseable {

        /** Binds and plans {@code sql} without reading data. */
        Prepared prepare(String sql) throws NotExecutable, SQLException;

        @Override
        void close() throws SQLException;
    }

    /** A bound statement. */
    interface Prepared extends AutoCloseable {

        /** Runs it: its rows in Arrow batches; past {@code timeLimit} it is cancelled and reading fails with {@link TimedOut}. */
        ArrowReader execute(BufferAllocator allocator, int batchRows, Duration timeLimit) throws SQLException;

        /** Whether the time limit cancelled it. */
        boolean timedOut();

        @Override
        void close() throws SQLException;
    }

    /** The statement cannot run (a type, a function argument, a name): found before any data was read. */
    final class NotExecutable extends Exception {
        public NotExecutable() {
            super("not executable", null, false, false);
        }
    }

    /** No engine could take the statement (none free, or none starts): nothing was run. */
    final class Unavailable extends SQLException {
        public Unavailable(Throwable cause) {
            super("no engine available", cause);
        }
    }

    /** The run was cancelled at its time limit. */
    final class TimedOut extends SQLException {
        public TimedOut() {
            super("time limit");
        }
    }
}
