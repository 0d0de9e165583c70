package io.pdx.sandbox.engine;

import io.pdx.contracts.policy.ControlsResult;
import io.pdx.contracts.policy.SandboxReleaseInput.OutputColumn;
import io.pdx.contracts.sandbox.RunRequest;
import io.pdx.contracts.sandbox.RunSummary;
import io.pdx.sandbox.sql.GuardedStatement;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.duckdb.DuckDBResultSet;
import org.jboss.logging.Logger;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs an admitted job: checks the statement again, runs what the guard regenerated on a
 * {@link HardenedDatabases hardened DuckDB} under a time limit, applies the output controls and stores the result as
 * an Arrow IPC stream whose schema metadata names the controls applied. Blocking: call it from a
 * worker thread.
 */
@ApplicationScoped
public class JobExecution {

    private static final Logger LOG = Logger.getLogger(JobExecution.class);

    private final HardenedDatabases databases;
    private final StatementAnalysis analysis;
    private final ResultStore results;
    private final SandboxLimits limits;
    private final ArrowAllocation arrow;
    private final EntityStats stats;
    private final DiscreteLaplace noise = new DiscreteLaplace(new SecureRandom());
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sandbox-time-limit");
        thread.setDaemon(true);
        return thread;
    });

    public JobExecution(HardenedDatabases databases, StatementAnalysis analysis, ResultStore results, SandboxLimits limits,
                        ArrowAllocation arrow, EntityStats stats) {
        this.databases = databases;
        this.analysis = analysis;
        this.results = results;
        this.limits = limits;
        this.arrow = arrow;
        this.stats = stats;
    }

    public RunSummary run(RunRequest request) throws RunFailure, IOException {
        long received = System.nanoTime();
        StatementAnalysis.Checked checked = analysis.check(request.sql(), request.datasets());
        GuardedStatement statement = checked.statement();
        ControlsResult controlsOfGrade = checked.controls();
        requireEpsilon(controlsOfGrade, request.epsilon());
        List<OutputColumn> output = StatementAnalysis.outputColumns(statement);
        long bound = maxRowsPerEntity(request, statement, controlsOfGrade);
        Path temporary = results.temporaryFile(request.jobId());
        long started = System.nanoTime();
        try {
            OutputControls controls = new OutputControls(controlsOfGrade, output, request.epsilon(), noise, bound);
            long bytes;
            try {
                bytes = execute(request, statement, controlsOfGrade, controls, temporary, bound > 0);
            } catch (OutputControls.ExactCountNeeded unsettled) {
                controls = new OutputControls(controlsOfGrade, output, request.epsilon(), noise, 0);
                bytes = execute(request, statement, controlsOfGrade, controls, temporary, false);
            }
            RunSummary summary = new RunSummary(controls.rows(), controls.suppressedGroups(), controls.capped(),
                    statement.aggregate() ? controlsOfGrade.k() : null,
                    controls.noiseApplied() ? controlsOfGrade.noise() : null,
                    controls.noiseApplied() ? request.epsilon() : 0, output, bytes, statement.hash(),
                    Instant.now().plus(limits.resultRetention()));
            results.save(request.jobId(), temporary, summary);
            LOG.infof("job %s checked in %d ms, ran in %d ms: %d rows, %d groups suppressed", request.jobId(),
                    (started - received) / 1_000_000, (System.nanoTime() - started) / 1_000_000, summary.rowCount(),
                    summary.suppressedGroups());
            return summary;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * The row bound for k-anonymity (see {@link EntityStats}), or 0 where it does not hold: row-level
     * output, no k, or a join (a joined row is not one entity's row).
     */
    private long maxRowsPerEntity(RunRequest request, GuardedStatement statement, ControlsResult controlsOfGrade) {
        if (!statement.aggregate() || controlsOfGrade.k() == null || statement.joined() || request.datasets().size() != 1) {
            return 0;
        }
        var dataset = request.datasets().get(0);
        try {
            return stats.maxRowsPerEntity(dataset.alias(), dataset.entityColumn());
        } catch (SQLException | IOException failure) {
            LOG.infof("no entity bound for %s: %s", dataset.alias(), failure.getClass().getSimpleName());
            return 0;
        }
    }

    private long execute(RunRequest request, GuardedStatement statement, ControlsResult controlsOfGrade,
                         OutputControls controls, Path file, boolean bounded) throws RunFailure, IOException {
        String sql = statement.aggregate()
                ? (bounded ? statement.sqlWithRowCount() : statement.sqlWithHiddenColumns())
                : "SELECT * FROM (" + statement.sql() + ") LIMIT " + (controlsOfGrade.row_cap() + 1);
        AtomicBoolean timedOut = new AtomicBoolean();
        try (Connection duck = databases.connect(request.datasets(), true);
             Statement query = duck.createStatement();
             BufferAllocator allocator = arrow.child("job-" + request.jobId(), limits.resultMaxBytes() * 2);
             CountingStream counted = new CountingStream(new BufferedOutputStream(Files.newOutputStream(file)),
                     limits.resultMaxBytes())) {
            ScheduledFuture<?> cancel = timer.schedule(() -> {
                timedOut.set(true);
                cancelQuietly(query);
            }, limits.timeLimit().toMillis(), TimeUnit.MILLISECONDS);
            try (ResultSet rows = query.executeQuery(sql);
                 ArrowReader reader = (ArrowReader) ((DuckDBResultSet) rows).arrowExportStream(allocator, limits.batchRows())) {
                VectorSchemaRoot source = reader.getVectorSchemaRoot();
                Schema schema = outputSchema(source.getSchema(), request, statement, controlsOfGrade);
                try (VectorSchemaRoot target = VectorSchemaRoot.create(schema, allocator);
                     ArrowStreamWriter writer = new ArrowStreamWriter(target, null, Channels.newChannel(counted))) {
                    writer.start();
                    while (reader.loadNextBatch()) {
                        if (timedOut.get()) {
                            throw RunFailure.timeLimit();
                        }
                        if (statement.aggregate()) {
                            controls.apply(source, target);
                        } else {
                            controls.transferRows(source, target, controlsOfGrade.row_cap());
                        }
                        writer.writeBatch();
                    }
                    writer.end();
                }
            } finally {
                cancel.cancel(false);
            }
            counted.flush();
            return counted.count();
        } catch (CountingStream.LimitExceeded tooLarge) {
            throw RunFailure.resultTooLarge();
        } catch (SQLException failure) {
            databases.discard(request.datasets(), true);
            throw classify(failure, timedOut.get(), request.jobId());
        } catch (IOException failure) {
            if (failure.getCause() instanceof CountingStream.LimitExceeded) {
                throw RunFailure.resultTooLarge();
            }
            throw failure;
        }
    }

    private static Schema outputSchema(Schema source, RunRequest request, GuardedStatement statement,
                                       ControlsResult controlsOfGrade) {
        List<Field> fields = source.getFields().stream()
                .filter(field -> !field.getName().startsWith(OutputControls.HIDDEN_PREFIX))
                .toList();
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("pdx.job_id", request.jobId().toString());
        metadata.put("pdx.grade", controlsOfGrade.grade());
        metadata.put("pdx.sql_sha256", statement.hash());
        metadata.put("pdx.output", statement.aggregate() ? "AGGREGATE" : "ROW_LEVEL");
        metadata.put("pdx.row_cap", Long.toString(controlsOfGrade.row_cap()));
        if (statement.aggregate() && controlsOfGrade.k() != null) {
            metadata.put("pdx.k", Integer.toString(controlsOfGrade.k()));
            metadata.put("pdx.k_noised", Boolean.toString(controlsOfGrade.k_noised()));
        }
        if (controlsOfGrade.noise() != null && request.epsilon() > 0) {
            metadata.put("pdx.noise", controlsOfGrade.noise());
            metadata.put("pdx.epsilon", Double.toString(request.epsilon()));
            metadata.put("pdx.noised_aggregates", String.join(",", controlsOfGrade.noised_aggregates()));
        }
        return new Schema(fields, metadata);
    }

    /** Where the grade adds noise, ε must be positive and within the grade's ε per query: a caller cannot switch noise off. */
    private static void requireEpsilon(ControlsResult controls, double epsilon) throws RunFailure {
        if (controls.noise() == null) {
            return;
        }
        double limit = controls.epsilon_per_query() == null ? 0 : controls.epsilon_per_query();
        if (!(epsilon > 0) || epsilon > limit) {
            throw new RunFailure("epsilon_invalid", 422, "隐私预算ε取值无效", "The privacy budget epsilon is invalid");
        }
    }

    private static RunFailure classify(SQLException failure, boolean timedOut, UUID job) {
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        String kind = message.contains(":") ? message.substring(0, message.indexOf(':')) : "unknown";
        LOG.infof("job %s failed in DuckDB (%s)", job, kind.length() > 40 ? "error" : kind);
        if (timedOut || message.startsWith("INTERRUPT")) {
            return RunFailure.timeLimit();
        }
        if (message.startsWith("Out of Memory")) {
            return RunFailure.memoryLimit();
        }
        return RunFailure.queryFailed();
    }

    private static void cancelQuietly(Statement query) {
        try {
            query.cancel();
        } catch (SQLException | RuntimeException ignored) {
            // the query ended on its own meanwhile
        }
    }

    /** Counts what is written and refuses to write past a limit. */
    static final class CountingStream extends FilterOutputStream {

        static final class LimitExceeded extends IOException {
            LimitExceeded() {
                super("result size limit", null);
            }
        }

        private final long limit;
        private long count;

        CountingStream(OutputStream out, long limit) {
            super(out);
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            grow(1);
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            grow(len);
            out.write(b, off, len);
        }

        private void grow(long by) throws LimitExceeded {
            count += by;
            if (count > limit) {
                throw new LimitExceeded();
            }
        }

        long count() {
            return count;
        }
    }
}
