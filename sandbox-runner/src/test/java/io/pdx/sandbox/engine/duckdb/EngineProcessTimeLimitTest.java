package io.pdx.sandbox.engine.duckdb;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pdx.contracts.ColumnTag;
import io.pdx.contracts.Grade;
import io.pdx.contracts.catalog.ColumnSpec;
import io.pdx.contracts.runner.SandboxDataset;
import io.pdx.sandbox.data.DataFolder;
import io.pdx.sandbox.driver.DuckDb;
import io.pdx.sandbox.engine.QueryEngine;
import io.pdx.sandbox.engine.SandboxLimits;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The time limit stops anything: a statement that ignores DuckDB's interrupts (a pattern whose {@code _} between two
 * {@code %} makes matching backtrack over one long value — cancelled in-process it ran on for over a minute) is
 * stopped at its limit because it runs in an engine process that is killed; the next statement gets a fresh process,
 * and nothing of the killed one is left on disk. Real DuckDB in real child processes, no services.
 */
class EngineProcessTimeLimitTest {

    /** Backtracks over one value of 30,000 characters: minutes of work inside one value, which no interrupt reaches. */
    static final String IGNORES_INTERRUPTS = "SELECT count(*) AS n FROM slow WHERE s LIKE '%a_%a_%a_%a_%b'";

    @TempDir
    Path folder;
    private EngineProcesses processes;
    private DuckDbEngine engine;
    private BufferAllocator allocator;

    @BeforeEach
    void start() throws Exception {
        Path data = Files.createDirectories(folder.resolve("data"));
        try (Connection duck = DuckDb.inMemory(); Statement sql = duck.createStatement()) {
            sql.execute("COPY (SELECT 'p' || i AS id, CASE WHEN i = 0 THEN repeat('a', 30000) ELSE 'ab' END AS s"
                    + " FROM range(1000) t(i)) TO '" + data.resolve("slow.parquet") + "' (FORMAT parquet)");
        }
        processes = new EngineProcesses(new DataFolder(data, Optional.empty(), new ObjectMapper()), limits(), 1,
                "-Xmx128m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        engine = new DuckDbEngine(processes);
        allocator = new RootAllocator(Long.MAX_VALUE);
    }

    @AfterEach
    void stop() {
        engine.stop();
        processes.stop();
        assertEquals(0, allocator.getAllocatedMemory(), "every buffer of the runs was released");
        allocator.close();
    }

    static final SandboxDataset SLOW = new SandboxDataset("slow", Grade.GENERAL, "id", List.of(
            new ColumnSpec("s", "VARCHAR", ColumnTag.ATTRIBUTE, "a long value")));

    @Test
    void aStatementThatIgnoresInterrupts_isStoppedAtItsLimit_andTheNextOneRuns() throws Exception {
        long began;
        try (QueryEngine.Session session = engine.open(List.of(SLOW)); QueryEngine.Prepared prepared = session.prepare(IGNORES_INTERRUPTS)) {
            began = System.nanoTime();
            assertThrows(SQLException.class, () -> {
                try (ArrowReader reader = prepared.execute(allocator, 1024, Duration.ofMillis(1500))) {
                    while (reader.loadNextBatch()) {
                        reader.getVectorSchemaRoot();
                    }
                }
            });
            assertTrue(prepared.timedOut(), "the time limit stopped it");
        }
        long tookMillis = (System.nanoTime() - began) / 1_000_000;
        System.out.printf("statement ignoring interrupts: stopped %d ms after execution began (limit 1500 ms)%n", tookMillis);
        assertTrue(tookMillis < 1500 + 1000, "stopped within a second of its 1.5 s limit, took " + tookMillis + " ms");

        try (QueryEngine.Session session = engine.open(List.of(SLOW));
             QueryEngine.Prepared prepared = session.prepare("SELECT count(*) AS n FROM slow WHERE s LIKE '%b'");
             ArrowReader reader = prepared.execute(allocator, 1024, Duration.ofSeconds(30))) {
            assertTrue(reader.loadNextBatch());
            assertEquals(999, ((BigIntVector) reader.getVectorSchemaRoot().getVector("n")).get(0));
            assertFalse(reader.loadNextBatch());
            assertFalse(prepared.timedOut());
        }
        try (var left = Files.list(processes.temporaryRoot())) {
            assertEquals(1, left.count(), "only the live process keeps a temporary folder; the killed one's was deleted");
        }
    }

    @Test
    void aStatementThatDoesNotBind_isNotExecutable_andTheProcessServesTheNext() throws Exception {
        try (QueryEngine.Session session = engine.open(List.of(SLOW))) {
            assertThrows(QueryEngine.NotExecutable.class, () -> session.prepare("SELECT no_such_column FROM slow"));
        }
        try (QueryEngine.Session session = engine.open(List.of(SLOW));
             QueryEngine.Prepared prepared = session.prepare("SELECT count(*) AS n FROM slow");
             ArrowReader reader = prepared.execute(allocator, 1024, Duration.ofSeconds(30))) {
            assertTrue(reader.loadNextBatch());
            assertEquals(1000, ((BigIntVector) reader.getVectorSchemaRoot().getVector("n")).get(0));
        }
    }

    @Test
    void aFileOutsideTheLicensedViews_cannotBeRead_inTheEngineProcess() throws Exception {
        try (QueryEngine.Session session = engine.open(List.of(SLOW))) {
            assertThrows(QueryEngine.NotExecutable.class, () -> session.prepare("SELECT * FROM read_csv('/etc/passwd')"));
        }
    }

    private static SandboxLimits limits() {
        return new SandboxLimits() {
            @Override
            public String memoryLimit() {
                return "256MB";
            }

            @Override
            public int threads() {
                return 1;
            }

            @Override
            public Duration timeLimit() {
                return Duration.ofSeconds(5);
            }

            @Override
            public long resultMaxBytes() {
                return 1 << 20;
            }

            @Override
            public Duration resultRetention() {
                return Duration.ofHours(1);
            }

            @Override
            public int batchRows() {
                return 1024;
            }
        };
    }
}
