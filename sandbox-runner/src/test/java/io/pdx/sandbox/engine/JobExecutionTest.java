package io.pdx.sandbox.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.pdx.contracts.runner.RunRequest;
import io.pdx.contracts.runner.RunSummary;
import io.pdx.contracts.runner.SandboxDataset;
import io.pdx.sandbox.data.DataFolder;
import io.pdx.sandbox.engine.duckdb.EntityStats;
import io.pdx.sandbox.engine.results.ArrowAllocation;
import io.pdx.sandbox.engine.results.ReleasedEntitySets;
import io.pdx.sandbox.engine.results.ResultStore;
import io.pdx.sandbox.sql.GuardFixture;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A job's run around the {@link QueryEngine} seam, with an engine that hands back Arrow batches from memory (no
 * DuckDB, no OPA): the differentially private output control, and every way a run ends — success, the time limit,
 * a result too large, a statement the engine cannot bind — each leaving no Arrow memory behind.
 */
class JobExecutionTest {

    private static final String BY_GENDER = "SELECT gender, count(*) AS claims FROM medical_insurance_claims GROUP BY gender";

    @TempDir
    Path folder;
    private ArrowAllocation arrow;
    private ResultStore results;
    private StatementAnalysis analysis;

    @BeforeEach
    void parts() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        DataFolder data = new DataFolder(folder, Optional.empty(), json);
        arrow = new ArrowAllocation();
        results = new ResultStore(data, json);
        analysis = new StatementAnalysis(new SandboxPolicy(null, data) {
            @Override
            public Controls controlsFor(List<SandboxDataset> datasets) {
                return new Controls(GuardFixture.IMPORTANT, List.copyOf(GuardFixture.UNTAGGED_OUTPUT_USES));
            }
        }, new io.pdx.sandbox.engine.duckdb.TableSizes(data), null, Duration.ZERO);
    }

    @AfterEach
    void noArrowMemoryLeftBehind() {
        assertEquals(0, arrow.allocatedBytes(), "every buffer of the run was released");
    }

    private JobExecution execution(FakeEngine engine, long resultMaxBytes) {
        try {
            return new JobExecution(engine, analysis, results, limits(resultMaxBytes), arrow, new EntityStats(null),
                    new ReleasedEntitySets(folder.resolve("differencing")),
                    new io.pdx.sandbox.engine.tables.OwnTables(new DataFolder(folder, Optional.empty(), new ObjectMapper()),
                            new ObjectMapper()));
        } catch (IOException unwritable) {
            throw new java.io.UncheckedIOException(unwritable);
        }
    }

    private static RunRequest request() {
        SandboxDataset claims = new SandboxDataset("medical_insurance_claims", GuardFixture.CLAIMS.grade(), "person_id",
                List.copyOf(GuardFixture.CLAIMS.columns().values()));
        return new RunRequest(UUID.randomUUID(), BY_GENDER, List.of(claims), 1_000_000, 0, "org-" + UUID.randomUUID(), "2026");
    }

    @Test
    void aRun_releasesNoisedGroups_andStoresThemWithTheirSummary() throws Exception {
        RunRequest request = request();
        RunSummary summary = execution(new FakeEngine(Ending.NORMALLY), 1 << 20).run(request);
        assertEquals(2, summary.rowCount());
        assertEquals(1, summary.suppressedGroups(), "the group of 3 entities is withheld");
        assertEquals("DISCRETE_LAPLACE", summary.noise());
        assertEquals(1_000_000, summary.epsilonMicros());
        assertTrue(results.summary(request.jobId()).isPresent());
    }

    @Test
    void aRunPastItsTimeLimit_failsAfterReading_withTheOneFailure() {
        RunFailure failure = assertThrows(RunFailure.class, () -> execution(new FakeEngine(Ending.TIMED_OUT), 1 << 20).run(request()));
        assertEquals("run_failed", failure.code());
        assertEquals("time_limit_exceeded", failure.cause());
        assertTrue(failure.dataRead());
    }

    @Test
    void aResultPastTheSizeLimit_failsAfterReading_withTheSameFailure() {
        RunFailure failure = assertThrows(RunFailure.class, () -> execution(new FakeEngine(Ending.NORMALLY), 64).run(request()));
        assertEquals("run_failed", failure.code());
        assertEquals("result_too_large", failure.cause());
        assertTrue(failure.dataRead());
    }

    @Test
    void aStatementTheEngineCannotBind_readsNothing_andCostsNothing() {
        RunFailure failure = assertThrows(RunFailure.class, () -> execution(new FakeEngine(Ending.NOT_BOUND), 1 << 20).run(request()));
        assertEquals("query_not_executable", failure.code());
        assertFalse(failure.dataRead());
    }

    @Test
    void noiseSwitchedOffByTheCaller_isRefusedBeforeAnythingRuns() throws IOException {
        RunRequest request = request();
        RunRequest noNoise = new RunRequest(request.jobId(), request.sql(), request.datasets(), 0, 0, "org-" + UUID.randomUUID(), "2026");
        assertEquals("epsilon_invalid", assertThrows(RunFailure.class, () -> execution(new FakeEngine(Ending.NORMALLY), 1 << 20)
                .run(noNoise)).code());
        assertFalse(results.summary(request.jobId()).isPresent());
    }

    private enum Ending { NORMALLY, TIMED_OUT, NOT_BOUND }

    /** An engine whose statement yields the exact aggregates of three groups, or fails as told. */
    private static final class FakeEngine implements QueryEngine {

        private final Ending ending;

        FakeEngine(Ending ending) {
            this.ending = ending;
        }

        @Override
        public Session open(List<SandboxDataset> datasets) {
            return new Session() {
                @Override
                public Prepared prepare(String sql) throws NotExecutable {
                    if (ending == Ending.NOT_BOUND) {
                        throw new NotExecutable();
                    }
                    return new Prepared() {
                        @Override
                        public ArrowReader execute(BufferAllocator allocator, int batchRows, Duration timeLimit) {
                            return new GroupsReader(allocator, ending == Ending.TIMED_OUT);
                        }

                        @Override
                        public boolean timedOut() {
                            return ending == Ending.TIMED_OUT;
                        }

                        @Override
                        public void close() {
                        }
                    };
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public void discard(List<SandboxDataset> datasets) {
        }
    }

    /** One batch of exact per-group aggregates, in the columns the bounded statement names; then the end, or a cancellation. */
    private static final class GroupsReader extends ArrowReader {

        private final boolean cancelled;
        private int batches;

        GroupsReader(BufferAllocator allocator, boolean cancelled) {
            super(allocator);
            this.cancelled = cancelled;
        }

        @Override
        public boolean loadNextBatch() throws IOException {
            if (batches++ > 0) {
                if (cancelled) {
                    throw new IOException("INTERRUPT Error: interrupted!");
                }
                return false;
            }
            VectorSchemaRoot root = getVectorSchemaRoot();
            root.allocateNew();
            String[] keys = {"男", "女", "?"};
            long[] rows = {20_000, 19_000, 4};
            long[] entities = {5_000, 4_800, 3};
            for (int i = 0; i < keys.length; i++) {
                ((VarCharVector) root.getVector("gender")).setSafe(i, keys[i].getBytes(StandardCharsets.UTF_8));
                ((BigIntVector) root.getVector("__pdx_c1")).setSafe(i, rows[i]);
                ((BigIntVector) root.getVector("__pdx_entities")).setSafe(i, entities[i]);
            }
            root.setRowCount(keys.length);
            return true;
        }

        @Override
        public long bytesRead() {
            return 0;
        }

        @Override
        protected void closeReadSource() {
        }

        @Override
        protected Schema readSchema() {
            return new Schema(List.of(new Field("gender", FieldType.nullable(new ArrowType.Utf8()), null),
                    new Field("__pdx_c1", FieldType.nullable(new ArrowType.Int(64, true)), null),
                    new Field("__pdx_entities", FieldType.nullable(new ArrowType.Int(64, true)), null)));
        }
    }

    private static SandboxLimits limits(long resultMaxBytes) {
        return new SandboxLimits() {
            @Override
            public String memoryLimit() {
                return "64MB";
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
                return resultMaxBytes;
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
