package io.pdx.sandbox.engine.imports;

import io.pdx.contracts.catalog.ColumnSpec;
import io.pdx.contracts.ColumnTag;
import io.pdx.contracts.catalog.QualityReport;
import io.pdx.contracts.runner.DatasetImport;
import io.pdx.sandbox.data.DataFolder;
import io.pdx.sandbox.driver.DuckDb;
import io.pdx.sandbox.engine.RunFailure;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.pdx.sandbox.engine.tables.Uploads.deleteQuietly;
import static io.pdx.sandbox.engine.tables.Uploads.firstLine;
import static io.pdx.sandbox.engine.tables.Uploads.literal;
import static io.pdx.sandbox.engine.tables.Uploads.quoted;
import static io.pdx.sandbox.engine.tables.Uploads.receive;
import static io.pdx.sandbox.engine.tables.Uploads.sha256;
import static io.pdx.sandbox.engine.tables.Uploads.source;

/**
 * A registered version's data entering the domain (数据入域): the upload is checked against the registered schema —
 * every registered column present, every value of its registered type — and written as the version's Parquet file
 * ({@code ds_<id>.parquet}, the registered columns in their types, nothing else) only if it passes; a file that does
 * not is refused naming the columns and counts, and leaves nothing behind. The quality report is computed here, next
 * to the data, and holds aggregates only: nulls and distinct values per column, values outside a METRIC column's
 * declared bounds (counted, never shown), the row count and the freshness of the latest date against the update
 * frequency.
 */
@ApplicationScoped
public class DatasetImports {

    private static final Logger LOG = Logger.getLogger(DatasetImports.class);
    /** How DuckDB stores a registered type. */
    private static final Map<String, String> DUCK_TYPES = Map.of("VARCHAR", "VARCHAR", "INTEGER", "INTEGER",
            "BIGINT", "BIGINT", "DOUBLE", "DOUBLE", "DECIMAL", "DECIMAL(38, 6)", "BOOLEAN", "BOOLEAN", "DATE", "DATE",
            "TIMESTAMP", "TIMESTAMP");
    /** One update period in days, per frequency with a regular period. */
    private static final Map<String, Integer> PERIOD_DAYS = Map.of("REALTIME", 1, "HOURLY", 1, "DAILY", 1, "WEEKLY", 7,
            "MONTHLY", 31, "QUARTERLY", 92, "YEARLY", 366);

    private final Path folder;
    private final Clock clock;

    @jakarta.inject.Inject
    public DatasetImports(DataFolder data) {
        this(data.root(), Clock.systemUTC());
    }

    DatasetImports(Path folder, Clock clock) {
        this.folder = folder;
        this.clock = clock;
    }

    /** The alias, and so the file name, of a registered version's imported data. */
    public static String aliasOf(UUID datasetId) {
        return "ds_" + datasetId.toString().replace("-", "");
    }

    public QualityReport ingest(UUID datasetId, String format, DatasetImport registered, long maxBytes, InputStream body)
            throws RunFailure {
        if (!("csv".equals(format) || "parquet".equals(format)) || registered == null || registered.columns().isEmpty()) {
            throw new RunFailure("upload_invalid", 400, "上传请求不完整（格式或登记的字段）",
                    "The upload names no format (csv or parquet) or no registered columns");
        }
        String alias = aliasOf(datasetId);
        Path upload = folder.resolve(alias + ".upload");
        Path converted = folder.resolve(alias + ".parquet.tmp");
        Path file = folder.resolve(alias + ".parquet");
        try {
            if (receive(body, upload, maxBytes) == 0) {
                throw new RunFailure("upload_empty", 422, "上传的文件为空", "The uploaded file is empty");
            }
            QualityReport report = checkAndConvert(upload, format, registered, converted);
            QualityReport stored = new QualityReport(report.rows(), report.columns(), report.ignoredColumns(), report.latest(),
                    report.freshness(), report.ageDays(), sha256(converted), Files.size(converted), null);
            Files.move(converted, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return stored;
        } catch (IOException broken) {
            LOG.infof("import of dataset %s stopped: %s", datasetId, broken.getClass().getSimpleName());
            throw new RunFailure("upload_interrupted", 400, "上传中断，未保存任何内容", "The upload was interrupted; nothing was kept");
        } finally {
            deleteQuietly(upload, converted);
        }
    }

    private QualityReport checkAndConvert(Path upload, String format, DatasetImport registered, Path converted)
            throws RunFailure, IOException {
        try (Connection duck = DuckDb.inMemory(); Statement sql = duck.createStatement()) {
            sql.execute("SET autoinstall_known_extensions = false");
            sql.execute("SET autoload_known_extensions = false");
            sql.execute("SET allowed_paths = [" + literal(upload) + ", " + literal(converted) + "]");
            sql.execute("SET enable_external_access = false");
            sql.execute("CREATE TEMP VIEW upload AS SELECT * FROM " + source(upload, format));
            List<String> present = new ArrayList<>();
            try (ResultSet columns = sql.executeQuery("DESCRIBE upload")) {
                while (columns.next()) {
                    present.add(columns.getString(1));
                }
            }
            List<String> missing = registered.columns().stream().map(ColumnSpec::name).filter(name -> !present.contains(name)).toList();
            if (!missing.isEmpty()) {
                throw new RunFailure("columns_missing", 422, "文件缺少登记的字段：" + missing,
                        "The file lacks registered columns: " + missing);
            }
            refuseMistyped(sql, registered.columns());
            List<String> select = registered.columns().stream()
                    .map(column -> "CAST(" + quoted(column.name()) + " AS " + duckType(column) + ") AS " + quoted(column.name()))
                    .toList();
            sql.execute("COPY (SELECT " + String.join(", ", select) + " FROM upload) TO " + literal(converted)
                    + " (FORMAT parquet, COMPRESSION zstd)");
            sql.execute("CREATE TEMP VIEW imported AS SELECT * FROM read_parquet(" + literal(converted) + ")");
            List<String> ignored = present.stream()
                    .filter(name -> registered.columns().stream().noneMatch(column -> column.name().equals(name))).toList();
            return report(sql, registered, ignored);
        } catch (SQLException unreadable) {
            throw new RunFailure("upload_unreadable", 422, "文件无法按 " + format + " 读取：" + firstLine(unreadable),
                    "The file cannot be read as " + format + ": " + firstLine(unreadable));
        }
    }

    /** Refuses a file whose values are not of their registered types, with the count per column (no value shown). */
    private static void refuseMistyped(Statement sql, List<ColumnSpec> columns) throws SQLException, RunFailure {
        List<String> counts = columns.stream().map(column -> "count(*) FILTER (WHERE " + quoted(column.name())
                + " IS NOT NULL AND TRY_CAST(" + quoted(column.name()) + " AS " + duckType(column) + ") IS NULL)").toList();
        Map<String, Long> mistyped = new LinkedHashMap<>();
        try (ResultSet row = sql.executeQuery("SELECT " + String.join(", ", counts) + " FROM upload")) {
            row.next();
            for (int i = 0; i < columns.size(); i++) {
                if (row.getLong(i + 1) > 0) {
                    mistyped.put(columns.get(i).name() + " (" + columns.get(i).type() + ")", row.getLong(i + 1));
                }
            }
        }
        if (!mistyped.isEmpty()) {
            throw new RunFailure("values_mistyped", 422, "字段值与登记的类型不符（字段: 个数）：" + mistyped,
                    "Values not of their registered type (column: count): " + mistyped);
        }
    }

    private QualityReport report(Statement sql, DatasetImport registered, List<String> ignored) throws SQLException {
        List<String> aggregates = new ArrayList<>();
        aggregates.add("count(*)");
        List<ColumnSpec> columns = registered.columns();
        for (ColumnSpec column : columns) {
            String name = quoted(column.name());
            aggregates.add("count(*) FILTER (WHERE " + name + " IS NULL)");
            aggregates.add("approx_count_distinct(" + name + ")");
            aggregates.add(bounded(column) ? "count(*) FILTER (WHERE CAST(" + name + " AS DOUBLE) < " + column.lower().doubleValue()
                    + " OR CAST(" + name + " AS DOUBLE) > " + column.upper().doubleValue() + ")" : "NULL");
        }
        List<String> dated = columns.stream().filter(column -> column.type().equals("DATE") || column.type().equals("TIMESTAMP"))
                .map(column -> "max(CAST(" + quoted(column.name()) + " AS DATE))").toList();
        aggregates.add(dated.isEmpty() ? "NULL" : "greatest(" + String.join(", ", dated) + ")");
        try (ResultSet row = sql.executeQuery("SELECT " + String.join(", ", aggregates) + " FROM imported")) {
            row.next();
            long rows = row.getLong(1);
            List<QualityReport.ColumnQuality> qualities = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                ColumnSpec column = columns.get(i);
                int at = 2 + i * 3;
                long outside = row.getLong(at + 2);
                qualities.add(new QualityReport.ColumnQuality(column.name(), column.type(), row.getLong(at), row.getLong(at + 1),
                        row.wasNull() || !bounded(column) ? null : outside, column.lower(), column.upper()));
            }
            java.sql.Date latestDate = row.getDate(2 + columns.size() * 3);
            LocalDate latest = latestDate == null ? null : latestDate.toLocalDate();
            Integer period = PERIOD_DAYS.get(registered.updateFrequency());
            Long age = latest == null ? null : ChronoUnit.DAYS.between(latest, LocalDate.now(clock));
            String freshness = age == null || period == null ? "UNKNOWN" : age <= 2L * period ? "FRESH" : "STALE";
            return new QualityReport(rows, qualities, ignored, latest, freshness, age, null, 0, null);
        }
    }

    private static boolean bounded(ColumnSpec column) {
        return column.tag() == ColumnTag.METRIC && column.lower() != null && column.upper() != null;
    }

    private static String duckType(ColumnSpec column) {
        String type = DUCK_TYPES.get(column.type());
        if (type == null) {
            throw new IllegalArgumentException("not a registered type: " + column.type());
        }
        return type;
    }
}
