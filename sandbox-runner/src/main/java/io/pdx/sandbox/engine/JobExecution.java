package io.pdx.sandbox.engine;

import io.pdx.sandbox.engine.duckdb.EntityStats;
import io.pdx.sandbox.engine.results.ArrowAllocation;
import io.pdx.sandbox.engine.results.ReleasedEntitySets;
import io.pdx.sandbox.engine.tables.OwnTables;
import io.pdx.sandbox.engine.results.ResultStore;

import io.pdx.contracts.policy.ControlsResult;
import io.pdx.contracts.policy.SandboxReleaseInput.OutputColumn;
import io.pdx.contracts.sandbox.PrivacyCost;
import io.pdx.contracts.runner.RunRequest;
import io.pdx.contracts.runner.RunSummary;
import io.pdx.sandbox.privacy.Contribution;
import io.pdx.sandbox.privacy.DifferencingCheck;
import io.pdx.sandbox.privacy.DiscreteLaplace;
import io.pdx.sandbox.privacy.KAnonymousGroups;
import io.pdx.sandbox.privacy.KAnonymousRows;
import io.pdx.sandbox.privacy.PrivateAggregation;
import io.pdx.sandbox.privacy.ReleasedRows;
import io.pdx.sandbox.sql.GuardedStatement;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.jboss.logging.Logger;
import org.roaringbitmap.longlong.Roaring64Bitmap;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs an admitted job: checks the statement again, runs what the guard regenerated through the
 * {@link QueryEngine} under a time limit, applies the grade's output controls and stores the result as
 * an Arrow IPC stream whose schema metadata names the controls applied. Three kinds of run:
 * <ul>
 *   <li>differentially private aggregates (a grade with noise): {@link PrivateAggregation} — contribution
 *       bounds, clamping, a noisy group threshold, discrete Laplace noise — then HAVING, ORDER BY and LIMIT
 *       on the released values ({@link ReleasedRows});</li>
 *   <li>exact aggregates (GENERAL): groups under k distinct entities of any joined dataset suppressed
 *       ({@link KAnonymousGroups}), then groups whose entity sets differ from a set the organization already received
 *       from that dataset in the period by more than zero and fewer than k entities ({@link DifferencingCheck}, the
 *       sets kept in {@link ReleasedEntitySets});</li>
 *   <li>row-level output (GENERAL): released only from k distinct entities of every dataset ({@link KAnonymousRows}).</li>
 * </ul>
 * A failure before the engine read data (the statement does not bind) costs nothing; any failure after it
 * is one and the same failure whatever its cause ({@link RunFailure#afterRead}). Blocking: call it from a
 * worker thread.
 */
@ApplicationScoped
public class JobExecution {

    private static final Logger LOG = Logger.getLogger(JobExecution.class);

    private final QueryEngine engine;
    private final StatementAnalysis analysis;
    private final ResultStore results;
    private final SandboxLimits limits;
    private final ArrowAllocation arrow;
    private final EntityStats stats;
    private final ReleasedEntitySets released;
    private final OwnTables ownTables;
    private final SecureRandom random = new SecureRandom();
    private final DiscreteLaplace noise = new DiscreteLaplace(random);

    public JobExecution(QueryEngine engine, StatementAnalysis analysis, ResultStore results, SandboxLimits limits,
                        ArrowAllocation arrow, EntityStats stats, ReleasedEntitySets released, OwnTables ownTables) {
        this.ownTables = ownTables;
        this.engine = engine;
        this.analysis = analysis;
        this.results = results;
        this.limits = limits;
        this.arrow = arrow;
        this.stats = stats;
        this.released = released;
    }

    public RunSummary run(RunRequest request) throws RunFailure, IOException {
        long received = System.nanoTime();
        long limitNanos = limits.timeLimit().toNanos();
        if (request.timeLimitMillis() > 0) {
            limitNanos = Math.min(limitNanos, request.timeLimitMillis() * 1_000_000);
        }
        long deadline = received + limitNanos;
        for (var dataset : request.datasets()) {
            if (dataset.owned()) {
                ownTables.requireOwner(dataset.table(), request.organization()); // only its organization's jobs read it
            }
        }
        StatementAnalysis.Checked checked = analysis.check(request.sql(), request.datasets());
        GuardedStatement statement = checked.statement();
        ControlsResult controls = checked.controls();
        PrivacyCost cost = cost(controls, request.epsilonMicros());
        List<OutputColumn> output = StatementAnalysis.outputColumns(statement);
        Path temporary = results.temporaryFile(request.jobId());
        long started = System.nanoTime();
        try {
            Outcome outcome;
            if (controls.differentiallyPrivate()) {
                outcome = runPrivate(request, statement, controls, cost, temporary, deadline);
            } else if (statement.aggregate()) {
                outcome = runKAnonymous(request, statement, controls, temporary, deadline);
            } else {
                outcome = runRowLevel(request, statement, controls, temporary, deadline);
            }
            RunSummary summary = new RunSummary(outcome.rows(), outcome.suppressedGroups(), outcome.capped(),
                    outcome.rowsSuppressed(), controls.k(),
                    controls.noise(), cost.epsilonMicros(), cost.deltaPicos(), output, outcome.bytes(), statement.hash(),
                    Instant.now().plus(limits.resultRetention()), outcome.differencingSuppressed());
            try {
                results.save(request.jobId(), temporary, summary);
            } catch (IOException storeFailed) {
                LOG.warnf("job %s: its result could not be stored (%s)", request.jobId(), storeFailed.getClass().getSimpleName());
                throw RunFailure.afterRead("result_store_failed");
            }
            // no count of the result is logged: it was computed from data nobody has released
            LOG.infof("job %s checked in %d ms, ran in %d ms", request.jobId(), (started - received) / 1_000_000,
                    (System.nanoTime() - started) / 1_000_000);
            return summary;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** What a run produced after its output controls. */
    private record Outcome(long rows, long suppressedGroups, boolean capped, boolean rowsSuppressed, long bytes,
                           long differencingSuppressed) {

        Outcome(long rows, long suppressedGroups, boolean capped, boolean rowsSuppressed, long bytes) {
            this(rows, suppressedGroups, capped, rowsSuppressed, bytes, 0);
        }
    }

    /**
     * The privacy cost of the run: where the grade adds noise, ε must lie within the grade's range and δ is
     * the grade's δ per query — a caller can neither switch the noise off nor make it vanish.
     */
    static PrivacyCost cost(ControlsResult controls, long epsilonMicros) throws RunFailure {
        if (!controls.differentiallyPrivate()) {
            return PrivacyCost.NONE;
        }
        if (controls.epsilon_min() == null || controls.epsilon_max() == null || controls.delta_per_query() == null
                || controls.max_rows_per_entity() == null || controls.max_groups_per_entity() == null || controls.k() == null
                || epsilonMicros < PrivacyCost.epsilonMicros(controls.epsilon_min())
                || epsilonMicros > PrivacyCost.epsilonMicros(controls.epsilon_max())) {
            throw new RunFailure("epsilon_invalid", 422, "隐私预算ε取值无效", "The privacy budget epsilon is invalid");
        }
        return new PrivacyCost(epsilonMicros, PrivacyCost.deltaPicos(controls.delta_per_query()));
    }

    private Outcome runPrivate(RunRequest request, GuardedStatement statement, ControlsResult controls, PrivacyCost cost,
                               Path file, long deadline) throws RunFailure {
        if (!statement.aggregate() || statement.shape() == null) {
            throw new RunFailure("row_level_output_not_allowed", 422, "该分级只发布差分隐私聚合结果",
                    "This grade releases differentially private aggregates only");
        }
        Contribution contribution = new Contribution(controls.max_rows_per_entity(), controls.max_groups_per_entity());
        PrivateAggregation mechanism = new PrivateAggregation(statement.shape(), controls.k(), controls.delta_per_query(),
                contribution, cost.epsilonMicros(), noise, random.nextLong());
        ReleasedRows clauses = new ReleasedRows(statement.shape(), controls.row_cap());
        long bytes = execute(request, mechanism.sql(), file, deadline, (reader, allocator, out) -> {
            VectorSchemaRoot source = reader.getVectorSchemaRoot();
            Map<String, String> metadata = schemaMetadata(request, statement, controls);
            metadata.putAll(mechanism.metadata(controls.delta_per_query()));
            Schema released = mechanism.releasedSchema(source.getSchema(), columnMetadata(statement));
            try (VectorSchemaRoot kept = VectorSchemaRoot.create(released, allocator);
                 VectorSchemaRoot page = VectorSchemaRoot.create(new Schema(released.getFields(), metadata), allocator);
                 ArrowStreamWriter writer = new ArrowStreamWriter(page, null, Channels.newChannel(out))) {
                kept.allocateNew();
                kept.setRowCount(0);
                while (reader.loadNextBatch()) {
                    mechanism.accept(source, kept);
                }
                writer.start();
                clauses.write(kept, page, writer, limits.batchRows());
                writer.end();
            }
        });
        return new Outcome(clauses.written(), mechanism.suppressedGroups(), clauses.capped(), false, bytes);
    }

    private Outcome runKAnonymous(RunRequest request, GuardedStatement statement, ControlsResult controls, Path file,
                                  long deadline) throws RunFailure {
        if (controls.k() != null && controls.k() > 1) {
            return runDifferencing(request, statement, controls, file, deadline);
        }
        long bound = maxRowsPerEntity(request, statement, controls);
        try {
            return runKAnonymous(request, statement, controls, file, bound, deadline);
        } catch (KAnonymousGroups.ExactCountNeeded unsettled) {
            return runKAnonymous(request, statement, controls, file, 0, deadline);
        }
    }

    /**
     * An exact aggregate under k ≥ 2: with exact distinct counts and entity sets, k then the differencing check, holding
     * the locks of the organization's sets of every dataset read from the check until the released sets are persisted,
     * which happens before the result is stored. Sets that cannot be read fail the run before it reads data; sets that
     * cannot be persisted fail it after (the result is not stored): nothing is released unchecked.
     */
    private Outcome runDifferencing(RunRequest request, GuardedStatement statement, ControlsResult controls, Path file,
                                    long deadline) throws RunFailure {
        if (request.organization() == null || request.organization().isBlank() || request.period() == null
                || request.period().isBlank()) {
            throw new RunFailure("differencing_key_missing", 422, "作业缺少机构或预算周期，未运行",
                    "The job names no organization or period; nothing was run");
        }
        // each table's released sets are kept per dataset lineage (two versions of a dataset share their entities)
        Map<String, String> keys = new HashMap<>();
        request.datasets().forEach(dataset -> keys.put(dataset.alias(), dataset.differencingKey()));
        List<String> aliases = statement.countedTables().stream().map(table -> keys.getOrDefault(table.alias(), table.alias())).toList();
        ReleasedEntitySets.Session session;
        try {
            session = released.open(request.organization(), request.period(), aliases,
                    Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        } catch (IOException unreadable) {
            LOG.warnf("job %s: the released entity sets could not be read (%s)", request.jobId(), unreadable.getMessage());
            throw new RunFailure("differencing_unavailable", 503, "差分检查暂不可用，作业未运行",
                    "The differencing check is not available; nothing was run");
        }
        try (session) {
            DifferencingCheck check = new DifferencingCheck(controls.k(), session.indexes());
            Outcome outcome = runKAnonymous(request, statement, controls, file, 0, deadline, check);
            List<List<Roaring64Bitmap>> sets = new ArrayList<>();
            for (int i = 0; i < check.datasets(); i++) {
                sets.add(check.released(i));
            }
            try {
                session.append(sets);
            } catch (IOException unwritable) {
                LOG.warnf("job %s: its released entity sets could not be stored (%s)", request.jobId(), unwritable.getClass().getSimpleName());
                throw RunFailure.afterRead("differencing_store_failed");
            }
            return outcome;
        }
    }

    private Outcome runKAnonymous(RunRequest request, GuardedStatement statement, ControlsResult controls, Path file,
                                  long bound, long deadline) throws RunFailure {
        return runKAnonymous(request, statement, controls, file, bound, deadline, null);
    }

    private Outcome runKAnonymous(RunRequest request, GuardedStatement statement, ControlsResult controls, Path file,
                                  long bound, long deadline, DifferencingCheck check) throws RunFailure {
        KAnonymousGroups groups = new KAnonymousGroups(controls.k() == null ? 1 : controls.k(), controls.row_cap(), bound, check);
        String sql = bound > 0 ? statement.executableWithRowCount() : statement.executableSql();
        long bytes = execute(request, sql, file, deadline, (reader, allocator, out) -> {
            VectorSchemaRoot source = reader.getVectorSchemaRoot();
            Schema schema = visible(source.getSchema(), schemaMetadata(request, statement, controls), columnMetadata(statement));
            try (VectorSchemaRoot target = VectorSchemaRoot.create(schema, allocator);
                 ArrowStreamWriter writer = new ArrowStreamWriter(target, null, Channels.newChannel(out))) {
                writer.start();
                while (reader.loadNextBatch()) {
                    groups.apply(source, target);
                    writer.writeBatch();
                }
                writer.end();
            }
        });
        return new Outcome(groups.rows(), groups.suppressedGroups(), groups.capped(), false, bytes,
                check == null ? 0 : check.suppressed());
    }

    private Outcome runRowLevel(RunRequest request, GuardedStatement statement, ControlsResult controls, Path file,
                                long deadline) throws RunFailure, IOException {
        KAnonymousRows rows = new KAnonymousRows(controls.k() == null ? 1 : controls.k(), controls.row_cap(),
                statement.countedTables().size());
        String sql = "SELECT * FROM (" + statement.executableSql() + ") LIMIT " + (controls.row_cap() + 1);
        Map<String, String> metadata = schemaMetadata(request, statement, controls);
        long bytes = execute(request, sql, file, deadline, (reader, allocator, out) -> {
            VectorSchemaRoot source = reader.getVectorSchemaRoot();
            Schema schema = visible(source.getSchema(), metadata, columnMetadata(statement));
            try (VectorSchemaRoot target = VectorSchemaRoot.create(schema, allocator);
                 ArrowStreamWriter writer = new ArrowStreamWriter(target, null, Channels.newChannel(out))) {
                writer.start();
                while (reader.loadNextBatch()) {
                    rows.transfer(source, target);
                    writer.writeBatch();
                }
                writer.end();
            }
        });
        if (rows.releasable()) {
            return new Outcome(rows.rows(), 0, rows.capped(), false, bytes);
        }
        // fewer than k entities: nothing of it is kept, the result is the empty table of the same columns
        return new Outcome(0, 0, false, true, writeEmpty(request, statement, controls, file));
    }

    private long writeEmpty(RunRequest request, GuardedStatement statement, ControlsResult controls, Path file) throws IOException {
        Map<String, String> metadata = schemaMetadata(request, statement, controls);
        metadata.put("pdx.rows_suppressed", "true");
        try (BufferAllocator allocator = arrow.child("empty-" + request.jobId(), 1 << 20);
             OutputStream out = Files.newOutputStream(file)) {
            Schema schema = Schema.fromJSON(emptySchemaJson(statement));
            try (VectorSchemaRoot empty = VectorSchemaRoot.create(new Schema(schema.getFields(), metadata), allocator);
                 ArrowStreamWriter writer = new ArrowStreamWriter(empty, null, Channels.newChannel(out))) {
                writer.start();
                writer.end();
            }
        }
        return Files.size(file);
    }

    /** The output columns as text fields (their types are not released either): a withheld result has no rows. */
    private static String emptySchemaJson(GuardedStatement statement) {
        StringBuilder json = new StringBuilder("{\"fields\":[");
        for (int i = 0; i < statement.output().size(); i++) {
            json.append(i == 0 ? "" : ",").append("{\"name\":\"").append(statement.output().get(i).name())
                    .append("\",\"nullable\":true,\"type\":{\"name\":\"utf8\"},\"children\":[]}");
        }
        return json.append("]}").toString();
    }

    /**
     * Writes the result of {@code sql} to {@code file} through {@code handler}. Opening the views and binding
     * the statement read no data: their failures cost nothing. Every failure after execution began is
     * {@link RunFailure#afterRead} — one answer to the requester, its cause kept for the bureau.
     */
    private long execute(RunRequest request, String sql, Path file, long deadline, ResultHandler handler) throws RunFailure {
        QueryEngine.Session session;
        try {
            session = engine.open(request.datasets());
        } catch (SQLException unavailable) {
            LOG.warnf("job %s: the licensed views could not be opened (%s)", request.jobId(), unavailable.getClass().getSimpleName());
            throw new RunFailure("data_unavailable", 503, "数据暂不可用，作业未运行", "The data is not available; nothing was run");
        }
        try (session) {
            QueryEngine.Prepared prepared;
            try {
                prepared = session.prepare(sql);
            } catch (QueryEngine.Unavailable busy) {
                LOG.warnf("job %s: no engine process took it", request.jobId());
                throw new RunFailure("engine_unavailable", 503, "沙箱引擎暂不可用，作业未运行", "The sandbox engine is not available; nothing was run");
            } catch (QueryEngine.NotExecutable | SQLException unbindable) {
                throw RunFailure.notExecutable();
            }
            try (prepared;
                 BufferAllocator allocator = arrow.child("job-" + request.jobId(), limits.resultMaxBytes() * 2);
                 CountingStream counted = new CountingStream(new BufferedOutputStream(Files.newOutputStream(file)),
                         limits.resultMaxBytes())) {
                Duration left = Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
                try (ArrowReader reader = prepared.execute(allocator, limits.batchRows(), left)) {
                    handler.write(reader, allocator, counted);
                }
                counted.flush();
                return counted.count();
            } catch (KAnonymousGroups.ExactCountNeeded rerun) {
                throw rerun;
            } catch (Exception failure) {
                throw afterRead(failure, prepared.timedOut(), request);
            }
        } catch (SQLException closing) {
            throw RunFailure.afterRead("run_error");
        }
    }

    /** The one failure of a run that read data, its cause told apart for the bureau only. */
    private RunFailure afterRead(Exception failure, boolean timedOut, RunRequest request) {
        if (timedOut || failure instanceof QueryEngine.TimedOut) {
            return RunFailure.timeLimit();
        }
        if (failure instanceof CountingStream.LimitExceeded || failure.getCause() instanceof CountingStream.LimitExceeded
                || failure instanceof OutOfMemoryException) {
            return RunFailure.resultTooLarge();
        }
        if (failure instanceof SQLException engineFailure) {
            engine.discard(request.datasets());
            return classify(engineFailure, request);
        }
        if (failure instanceof IOException && failure.getCause() instanceof SQLException engineFailure) {
            engine.discard(request.datasets()); // a failure the engine reported after its first rows
            return classify(engineFailure, request);
        }
        LOG.warnf("job %s failed after it read data (%s)", request.jobId(), failure.getClass().getSimpleName());
        return RunFailure.afterRead(writing(failure) ? "result_store_failed" : "run_error");
    }

    /** Whether the failure came from writing the result file (an IOException anywhere in its chain). */
    private static boolean writing(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    @FunctionalInterface
    private interface ResultHandler {
        void write(ArrowReader reader, BufferAllocator allocator, OutputStream out) throws IOException, SQLException;
    }

    /**
     * The row bound for k over one table (see {@link EntityStats}), or 0 where it does not hold: no k, or a join
     * (a joined row is not one entity's row).
     */
    private long maxRowsPerEntity(RunRequest request, GuardedStatement statement, ControlsResult controls) {
        if (controls.k() == null || statement.joined() || request.datasets().size() != 1) {
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

    /** The visible fields (hidden {@code __pdx_} columns dropped), each with its column metadata. */
    private static Schema visible(Schema source, Map<String, String> metadata, Map<String, Map<String, String>> columns) {
        List<Field> fields = source.getFields().stream()
                .filter(field -> !field.getName().startsWith(KAnonymousGroups.HIDDEN_PREFIX))
                .map(field -> new Field(field.getName(), new FieldType(field.isNullable(), field.getType(), field.getDictionary(),
                        columns.getOrDefault(field.getName(), Map.of())), field.getChildren()))
                .toList();
        return new Schema(fields, metadata);
    }

    /** Per output column: its tag, use, aggregate and (unless the mechanism says otherwise) that it is not noised. */
    private static Map<String, Map<String, String>> columnMetadata(GuardedStatement statement) {
        Map<String, Map<String, String>> columns = new HashMap<>();
        for (var column : statement.output()) {
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put("pdx.tag", column.tag() == null ? "" : column.tag().name());
            metadata.put("pdx.use", column.use());
            metadata.put("pdx.aggregate", column.aggregate() == null ? "" : column.aggregate());
            metadata.put("pdx.noised", "false");
            columns.put(column.name(), metadata);
        }
        return columns;
    }

    private static Map<String, String> schemaMetadata(RunRequest request, GuardedStatement statement, ControlsResult controls) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("pdx.job_id", request.jobId().toString());
        metadata.put("pdx.grade", controls.grade());
        metadata.put("pdx.sql_sha256", statement.hash());
        metadata.put("pdx.output", statement.aggregate() ? "AGGREGATE" : "ROW_LEVEL");
        metadata.put("pdx.row_cap", Long.toString(controls.row_cap()));
        if (controls.k() != null) {
            metadata.put("pdx.k", Integer.toString(controls.k()));
            metadata.put("pdx.k_noised", Boolean.toString(controls.k_noised()));
        }
        if (!controls.differentiallyPrivate()) {
            metadata.put("pdx.noise", "NONE");
            metadata.put("pdx.epsilon", BigDecimal.ZERO.toPlainString());
        }
        return metadata;
    }

    private static RunFailure classify(SQLException failure, RunRequest request) {
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        String kind = message.contains(":") ? message.substring(0, message.indexOf(':')) : "unknown";
        LOG.infof("job %s failed in the engine (%s)", request.jobId(), kind.length() > 40 ? "error" : kind);
        if (message.startsWith("INTERRUPT")) {
            return RunFailure.timeLimit();
        }
        if (message.startsWith("Out of Memory")) {
            return RunFailure.memoryLimit();
        }
        return RunFailure.queryFailed();
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
