package io.pdx.sandbox.engine.duckdb;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowStreamReader;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * sandbox-runner's handle on one {@link EngineMain engine process}: sends it a statement, reads its answers, and kills
 * it — at once, whatever it is doing — when a run passes its time limit or an exchange is left half-read. A killed
 * process is never used again; its temporary folder (where DuckDB unpacks its native library) is deleted with it.
 */
final class EngineProcess {

    private final Process process;
    private final Path temporary;
    private final DataOutputStream toEngine;
    private final DataInputStream fromEngine;
    private volatile boolean killed;

    private EngineProcess(Process process, Path temporary) {
        this.process = process;
        this.temporary = temporary;
        this.toEngine = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
        this.fromEngine = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
    }

    /** Starts an engine process with {@code command} (its temporary folder given) and waits until DuckDB is loaded. */
    static EngineProcess start(List<String> command, Path temporary) throws IOException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        EngineProcess engine = new EngineProcess(process, temporary);
        try {
            if (engine.fromEngine.readByte() != EngineWire.READY) {
                throw new IOException("engine process did not start");
            }
        } catch (IOException failed) {
            engine.kill();
            throw failed;
        }
        return engine;
    }

    /** Sends a statement: {@link EngineWire#PREPARED}, {@link EngineWire#NOT_EXECUTABLE} or {@link EngineWire#UNAVAILABLE}. */
    byte prepare(EngineWire.Statement statement) throws IOException {
        EngineWire.write(toEngine, statement);
        return fromEngine.readByte();
    }

    /** Drops the prepared statement without running it. */
    void skip() throws IOException {
        toEngine.write(EngineWire.SKIP);
        toEngine.flush();
    }

    /**
     * Runs the prepared statement: its rows, read as they come; a failure before the first row is an
     * {@link SQLException} of the engine's kind. The reader reads {@link EngineWire#DONE} or the failure after the last
     * batch ({@link Rows#finished()}).
     */
    Rows execute(BufferAllocator allocator, int batchRows) throws IOException, SQLException {
        toEngine.write(EngineWire.EXECUTE);
        toEngine.writeInt(batchRows);
        toEngine.flush();
        byte answer = fromEngine.readByte();
        if (answer == EngineWire.FAILED) {
            throw new SQLException(EngineWire.text(fromEngine) + ": engine failure");
        }
        if (answer != EngineWire.STREAM) {
            throw new IOException("unexpected engine answer");
        }
        return new Rows(new Unclosed(fromEngine), allocator);
    }

    /** Ends the process now (SIGKILL) and deletes its temporary folder; never used again. */
    void kill() {
        killed = true;
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        deleteTemporary();
    }

    boolean usable() {
        return !killed && process.isAlive();
    }

    boolean killed() {
        return killed;
    }

    private void deleteTemporary() {
        if (temporary == null || !Files.exists(temporary)) {
            return;
        }
        try (Stream<Path> files = Files.walk(temporary)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException ignored) {
            // a later start cleans the folder of engine processes
        }
    }

    /** The rows of a run: an Arrow IPC stream whose end is followed by the run's outcome. */
    final class Rows extends ArrowStreamReader {

        private boolean finished;

        Rows(InputStream in, BufferAllocator allocator) {
            super(in, allocator);
        }

        @Override
        public boolean loadNextBatch() throws IOException {
            boolean more = super.loadNextBatch();
            if (!more && !finished) {
                finished = true;
                byte outcome = fromEngine.readByte();
                if (outcome == EngineWire.FAILED) {
                    throw new IOException(new SQLException(EngineWire.text(fromEngine) + ": engine failure"));
                }
                if (outcome != EngineWire.DONE) {
                    throw new IOException("unexpected engine answer");
                }
            }
            return more;
        }

        /** Whether the stream and its outcome were read to the end (the process can take another statement). */
        boolean finished() {
            return finished;
        }
    }

    /** The process's answers, which a closed reader must not close. */
    private static final class Unclosed extends FilterInputStream {
        Unclosed(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the process's stream stays open for the next statement
        }
    }
}
