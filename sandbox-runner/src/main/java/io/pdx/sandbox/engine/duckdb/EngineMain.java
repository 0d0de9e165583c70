package io.pdx.sandbox.engine.duckdb;

import io.pdx.sandbox.data.DataFolder;
import io.pdx.sandbox.driver.DuckDb;
import io.pdx.sandbox.engine.SandboxLimits;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.duckdb.DuckDBResultSet;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * An engine process: the JVM in which sandbox-runner's DuckDB work runs, so that a run past its time limit can be
 * stopped whatever it is doing (DuckDB checks for interrupts between vectors, not inside one value's pattern match or
 * cast: a cancelled statement can go on for minutes). The runner ({@link EngineProcess}) kills the process at the
 * limit and starts another; nothing of the killed one is reused. It keeps its {@link HardenedDatabases} between
 * statements like the runner did, reads statements from standard input and answers on standard output
 * ({@link EngineWire}); it logs nothing of the data (standard error carries only its own failures' kinds).
 *
 * <p>Arguments: the data folder, DuckDB's memory limit, its threads.
 */
public final class EngineMain {

    private EngineMain() {
    }

    public static void main(String[] args) throws IOException {
        OutputStream stdout = new FileOutputStream(FileDescriptor.out);
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true)); // stray prints never mix into answers
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stdout, 1 << 16));
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in, 1 << 16));
        HardenedDatabases databases = new HardenedDatabases(new DataFolder(Path.of(args[0]), Optional.empty(), null),
                limits(args[1], Integer.parseInt(args[2])));
        try (Connection warm = DuckDb.inMemory(); BufferAllocator allocator = new RootAllocator(Long.MAX_VALUE)) {
            warmUp(warm, allocator);
            out.write(EngineWire.READY);
            out.flush();
            while (true) {
                EngineWire.Statement statement;
                try {
                    statement = EngineWire.read(in);
                } catch (EOFException runnerGone) {
                    return;
                }
                serve(statement, databases, allocator, in, out);
            }
        } catch (SQLException noEngine) {
            System.err.println("engine process: DuckDB could not start (" + EngineWire.kindOf(noEngine.getMessage()) + ")");
            System.exit(3);
        } finally {
            databases.closeAll();
        }
    }

    private static void serve(EngineWire.Statement statement, HardenedDatabases databases, BufferAllocator allocator,
                              DataInputStream in, DataOutputStream out) throws IOException {
        Connection connection;
        try {
            connection = databases.connect(statement.datasets(), statement.preserveOrder());
        } catch (SQLException | RuntimeException unavailable) {
            out.write(EngineWire.UNAVAILABLE);
            out.flush();
            return;
        }
        try (connection) {
            PreparedStatement prepared;
            try {
                prepared = connection.prepareStatement(statement.sql());
            } catch (SQLException unbindable) {
                out.write(EngineWire.NOT_EXECUTABLE);
                out.flush();
                return;
            }
            try (prepared) {
                out.write(EngineWire.PREPARED);
                out.flush();
                if (in.readByte() != EngineWire.EXECUTE) {
                    return;
                }
                execute(prepared, statement, in.readInt(), databases, allocator, out);
            }
        } catch (SQLException closing) {
            // the statement was answered; a failure to close it changes nothing the runner was told
        }
    }

    /**
     * {@link EngineWire#STREAM}, the rows as an Arrow IPC stream (ended even when the run fails in the middle), then
     * {@link EngineWire#DONE} or {@link EngineWire#FAILED} and the kind; or {@link EngineWire#FAILED} and the kind alone
     * when the run failed before its first row.
     */
    private static void execute(PreparedStatement prepared, EngineWire.Statement statement, int batchRows, HardenedDatabases databases,
                                BufferAllocator allocator, DataOutputStream out) throws IOException {
        String failure = null;
        ArrowStreamWriter writer = null;
        try (ResultSet rows = prepared.executeQuery();
             ArrowReader reader = (ArrowReader) ((DuckDBResultSet) rows).arrowExportStream(allocator, Math.max(1, batchRows))) {
            out.write(EngineWire.STREAM);
            writer = new ArrowStreamWriter(reader.getVectorSchemaRoot(), null, Channels.newChannel(new Unclosed(out)));
            writer.start();
            while (reader.loadNextBatch()) {
                writer.writeBatch();
            }
            writer.end();
        } catch (SQLException | IOException | RuntimeException engineFailure) {
            failure = kind(engineFailure);
            databases.discard(statement.datasets(), statement.preserveOrder());
        }
        if (writer != null && failure != null) {
            writer.end(); // the batches written so far stay whole; the trailer says the run failed
        }
        if (failure == null) {
            out.write(EngineWire.DONE);
        } else {
            out.write(EngineWire.FAILED);
            EngineWire.text(out, failure);
        }
        out.flush();
    }

    /**
     * Runs a small query through the whole path a statement takes (bind, run, Arrow export, IPC writing) before the
     * process says it is ready: a cold first statement took over a second here, which must not come out of a job's slot.
     */
    private static void warmUp(Connection duck, BufferAllocator allocator) throws SQLException, IOException {
        try (PreparedStatement statement = duck.prepareStatement(
                "SELECT i % 7 AS g, count(*) AS n, sum(i) AS s, avg(i) AS a FROM range(100000) t(i) GROUP BY g");
             ResultSet rows = statement.executeQuery();
             ArrowReader reader = (ArrowReader) ((DuckDBResultSet) rows).arrowExportStream(allocator, 1024);
             ArrowStreamWriter writer = new ArrowStreamWriter(reader.getVectorSchemaRoot(), null,
                     Channels.newChannel(OutputStream.nullOutputStream()))) {
            writer.start();
            while (reader.loadNextBatch()) {
                writer.writeBatch();
            }
            writer.end();
        }
    }

    /** The engine's own kind of failure, from the innermost message that names one. */
    private static String kind(Throwable failure) {
        String kind = "";
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String named = EngineWire.kindOf(cause.getMessage());
            if (!named.isEmpty() && !named.startsWith("java.")) {
                kind = named;
            }
        }
        return kind;
    }

    private static SandboxLimits limits(String memoryLimit, int threads) {
        return new SandboxLimits() {
            @Override
            public String memoryLimit() {
                return memoryLimit;
            }

            @Override
            public int threads() {
                return threads;
            }

            @Override
            public Duration timeLimit() {
                return Duration.ZERO;
            }

            @Override
            public long resultMaxBytes() {
                return 0;
            }

            @Override
            public Duration resultRetention() {
                return Duration.ZERO;
            }

            @Override
            public int batchRows() {
                return 0;
            }
        };
    }

    /** The process's answer stream, which a finished Arrow writer must not close. */
    private static final class Unclosed extends FilterOutputStream {
        Unclosed(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
