package io.pdx.sandbox.engine.duckdb;

import io.pdx.sandbox.engine.QueryEngine;

import io.pdx.contracts.runner.SandboxDataset;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@link QueryEngine} on DuckDB, run in {@link EngineProcesses engine processes}: a session takes a process for
 * its statement; the statement is sent with its licensed views and bound there (a failure then read no data), then
 * executed with its rows streamed back as Arrow. At the time limit a timer kills the process — DuckDB does not stop a
 * cancelled statement inside one value's work, a killed process stops at once — and the process is replaced.
 */
@ApplicationScoped
public class DuckDbEngine implements QueryEngine {

    private final EngineProcesses processes;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sandbox-time-limit");
        thread.setDaemon(true);
        return thread;
    });

    public DuckDbEngine(EngineProcesses processes) {
        this.processes = processes;
    }

    @Override
    public Session open(List<SandboxDataset> datasets) throws SQLException {
        return new Session() {
            @Override
            public Prepared prepare(String sql) throws NotExecutable, SQLException {
                return DuckDbEngine.this.prepare(datasets, sql);
            }

            @Override
            public void close() {
                // each statement gives its process back when it closes
            }
        };
    }

    private Prepared prepare(List<SandboxDataset> datasets, String sql) throws NotExecutable, SQLException {
        EngineProcess engine;
        try {
            engine = processes.acquire(Duration.ofMinutes(1).toMillis());
        } catch (IOException | InterruptedException unavailable) {
            if (unavailable instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new Unavailable(unavailable);
        }
        if (engine == null) {
            throw new Unavailable(null);
        }
        byte answer;
        try {
            answer = engine.prepare(new EngineWire.Statement(datasets, sql, true));
        } catch (IOException | RuntimeException lost) {
            processes.release(engine, false);
            throw new SQLException("engine process lost", lost);
        }
        if (answer == EngineWire.PREPARED) {
            return new ProcessPrepared(engine);
        }
        processes.release(engine, true);
        if (answer == EngineWire.NOT_EXECUTABLE) {
            throw new NotExecutable();
        }
        throw new SQLException("the licensed views could not be opened");
    }

    @Override
    public void discard(List<SandboxDataset> datasets) {
        // the engine process dropped the database of these views itself when the run failed on it
    }

    /** A statement bound in an engine process, which it holds until closed. */
    private final class ProcessPrepared implements Prepared {

        private final EngineProcess engine;
        private final AtomicBoolean timedOut = new AtomicBoolean();
        private ScheduledFuture<?> stop;
        private EngineProcess.Rows rows;
        private boolean executed;

        ProcessPrepared(EngineProcess engine) {
            this.engine = engine;
        }

        @Override
        public ArrowReader execute(BufferAllocator allocator, int batchRows, Duration timeLimit) throws SQLException {
            executed = true;
            stop = timer.schedule(() -> {
                timedOut.set(true);
                engine.kill();
            }, Math.max(1, timeLimit.toMillis()), TimeUnit.MILLISECONDS);
            try {
                rows = engine.execute(allocator, batchRows);
                return rows;
            } catch (IOException lost) {
                throw timedOut.get() ? new TimedOut() : new SQLException("engine process lost", lost);
            } catch (SQLException failure) {
                throw timedOut.get() ? new TimedOut() : failure;
            }
        }

        @Override
        public boolean timedOut() {
            return timedOut.get();
        }

        @Override
        public void close() {
            if (stop != null) {
                stop.cancel(false);
            }
            boolean clean;
            if (!executed) {
                clean = skip();
            } else {
                clean = rows != null && rows.finished() && !engine.killed();
            }
            if (rows != null) {
                try {
                    rows.close();
                } catch (IOException | RuntimeException ignored) {
                    clean = false;
                }
            }
            processes.release(engine, clean);
        }

        private boolean skip() {
            try {
                engine.skip();
                return true;
            } catch (IOException lost) {
                return false;
            }
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
