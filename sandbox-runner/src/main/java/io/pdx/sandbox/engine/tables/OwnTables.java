package io.pdx.sandbox.engine.tables;

import static io.pdx.sandbox.engine.tables.Uploads.deleteQuietly;
import static io.pdx.sandbox.engine.tables.Uploads.firstLine;
import static io.pdx.sandbox.engine.tables.Uploads.literal;
import static io.pdx.sandbox.engine.tables.Uploads.quoted;
import static io.pdx.sandbox.engine.tables.Uploads.receive;
import static io.pdx.sandbox.engine.tables.Uploads.sha256;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pdx.contracts.catalog.ColumnSpec;
import io.pdx.contracts.runner.DeletedTable;
import io.pdx.contracts.runner.IngestedTable;
import io.pdx.contracts.runner.SandboxDataset;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Organizations' own tables (自有数据), inside the domain beside the public data: {@code own/<id>.parquet} in the data
 * folder, with {@code own/<id>.json} naming the organization that owns it. An upload is streamed to a temporary file
 * (never held in memory; cut off past its byte limit), read by DuckDB (CSV with a header, or Parquet), written again as
 * one Parquet file with plain column names, and only then moved into place: a failure at any step — a malformed file, a
 * limit, a connection lost mid-upload — leaves nothing behind. Rows are never served back; only a job of the owning
 * organization reads the table ({@link #requireOwner}).
 */
@ApplicationScoped
public class OwnTables {

    private static final Logger LOG = Logger.getLogger(OwnTables.class);

    private final Path folder;
    private final ObjectMapper json;
    /** Whether a table's join key holds each value once, by table id and (sorted) columns. */
    private final java.util.Map<String, Boolean> uniqueKeys = new java.util.concurrent.ConcurrentHashMap<>();

    @jakarta.inject.Inject
    public OwnTables(DataFolder data, ObjectMapper json) throws IOException {
        this(data.root().resolve("own"), json);
    }

    OwnTables(Path folder, ObjectMapper json) throws IOException {
        this.folder = Files.createDirectories(folder);
        this.json = json;
    }

    /** Who owns a table, as its sidecar says. */
    record Owner(String organization, String sha256, long bytes, long rowCount) {
    }

    /** The Parquet file of table {@code id}. */
    public Path fileOf(String id) {
        return folder.resolve(UUID.fromString(id) + ".parquet"); // a UUID: no path can be smuggled in
    }

    /**
     * Stores an upload of {@code organization}'s as table {@code id}: {@code format} {@code csv} or {@code parquet}, at
     * most {@code maxBytes} bytes read from {@code body}.
     */
    public IngestedTable ingest(UUID id, String organization, String format, long maxBytes, InputStream body) throws RunFailure {
        if (organization == null || organization.isBlank() || !("csv".equals(format) || "parquet".equals(format))) {
            throw new RunFailure("upload_invalid", 400, "上传请求不完整（机构或格式）", "The upload names no organization or no format (csv or parquet)");
        }
        Path upload = folder.resolve(id + ".upload");
        Path converted = folder.resolve(id + ".parquet.tmp");
        Path file = fileOf(id.toString());
        Path sidecar = folder.resolve(id + ".json");
        if (Files.exists(file)) {
            throw new RunFailure("table_exists", 409, "该表已存在", "The table already exists");
        }
        try {
            long received = receive(body, upload, maxBytes);
            if (received == 0) {
                throw new RunFailure("upload_empty", 422, "上传的文件为空", "The uploaded file is empty");
            }
            List<ColumnSpec> columns = convert(upload, format, converted);
            long rows = rows(converted);
            String sha256 = sha256(converted);
            long bytes = Files.size(converted);
            Files.move(converted, file, StandardCopyOption.ATOMIC_MOVE);
            Path sidecarTemporary = folder.resolve(id + ".json.tmp");
            json.writeValue(sidecarTemporary.toFile(), new Owner(organization, sha256, bytes, rows));
            Files.move(sidecarTemporary, sidecar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new IngestedTable(sha256, bytes, rows, columns);
        } catch (IOException broken) {
            LOG.infof("upload of table %s stopped: %s", id, broken.getClass().getSimpleName());
            deleteQuietly(file, sidecar);
            throw new RunFailure("upload_interrupted", 400, "上传中断，未保存任何内容", "The upload was interrupted; nothing was kept");
        } catch (RunFailure refused) {
            deleteQuietly(file, sidecar);
            throw refused;
        } finally {
            deleteQuietly(upload, converted);
        }
    }

    /** Reads the upload with DuckDB and writes it as Parquet with plain column names; the columns inferred. */
    private static List<ColumnSpec> convert(Path upload, String format, Path converted) throws RunFailure, IOException {
        String source = Uploads.source(upload, format);
        try (Connection duck = DuckDb.inMemory(); Statement sql = duck.createStatement()) {
            sql.execute("SET autoinstall_known_extensions = false");
            sql.execute("SET autoload_known_extensions = false");
            sql.execute("SET allowed_paths = [" + literal(upload) + ", " + literal(converted) + "]");
            sql.execute("SET enable_external_access = false");
            List<String[]> described = new ArrayList<>();
            try (ResultSet columns = sql.executeQuery("DESCRIBE SELECT * FROM " + source)) {
                while (columns.next()) {
                    described.add(new String[] {columns.getString(1), columns.getString(2)});
                }
            }
            List<ColumnSpec> specs = new ArrayList<>();
            List<String> select = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (String[] column : described) {
                String name = plain(column[0], specs.size() + 1);
                if (!names.add(name)) {
                    throw new RunFailure("column_name_duplicate", 422, "列名重复（规范化后）：" + name,
                            "Two columns have the same name once made plain identifiers: " + name);
                }
                specs.add(new ColumnSpec(name, column[1], null, null));
                select.add(quoted(column[0]) + " AS " + quoted(name));
            }
            if (specs.isEmpty()) {
                throw new RunFailure("upload_no_columns", 422, "文件中没有列", "The file has no columns");
            }
            sql.execute("COPY (SELECT " + String.join(", ", select) + " FROM " + source + ") TO " + literal(converted)
                    + " (FORMAT parquet, COMPRESSION zstd)");
            return specs;
        } catch (SQLException unreadable) {
            Files.deleteIfExists(converted);
            throw new RunFailure("upload_unreadable", 422, "文件无法按 " + format + " 读取：" + firstLine(unreadable),
                    "The file cannot be read as " + format + ": " + firstLine(unreadable));
        }
    }

    private static long rows(Path parquet) throws IOException {
        try (Connection duck = DuckDb.inMemory(); Statement sql = duck.createStatement();
             ResultSet count = sql.executeQuery("SELECT coalesce(sum(num_rows), 0) FROM parquet_file_metadata(" + literal(parquet) + ")")) {
            count.next();
            return count.getLong(1);
        } catch (SQLException unreadable) {
            throw new IOException("the converted table cannot be read", unreadable);
        }
    }

    /** Deletes table {@code id}: what it was (SHA-256, size), or 404. */
    public DeletedTable delete(UUID id) throws RunFailure, IOException {
        Path file = fileOf(id.toString());
        Path sidecar = folder.resolve(id + ".json");
        if (!Files.exists(file)) {
            throw new RunFailure("table_not_found", 404, "该表不存在", "No such table");
        }
        String sha256 = sha256(file);
        long bytes = Files.size(file);
        Files.delete(file);
        Files.deleteIfExists(sidecar);
        return new DeletedTable(sha256, bytes);
    }

    /** Fails unless table {@code id} is stored and owned by {@code organization} (404 either way, fail closed). */
    public void requireOwner(String id, String organization) throws RunFailure {
        try {
            Path sidecar = folder.resolve(UUID.fromString(id) + ".json");
            Owner owner = Files.exists(sidecar) ? json.readValue(sidecar.toFile(), Owner.class) : null;
            if (owner == null || organization == null || !owner.organization().equals(organization)
                    || !Files.exists(fileOf(id))) {
                throw new RunFailure("table_not_found", 404, "该表不存在", "No such table");
            }
        } catch (IOException | IllegalArgumentException unreadable) {
            throw new RunFailure("table_not_found", 404, "该表不存在", "No such table");
        }
    }

    /**
     * The columns an own table is joined on hold each combination of values at most once in it (rows with a NULL among
     * them join nothing). A repeated key would multiply the public rows a job reads by a factor the enterprise chooses,
     * so the run's duration — and whether it passes its time limit — would follow how many public rows share a key: a
     * channel past the slot. Read from the table's own file only, once per table and set of columns (the file never
     * changes); 422 naming the table and the columns.
     */
    public void requireUniqueKey(SandboxDataset table, java.util.Collection<String> columns) throws RunFailure {
        if (columns.isEmpty()) {
            return;
        }
        List<String> sorted = columns.stream().sorted().toList();
        String key = table.table() + "/" + String.join(",", sorted);
        Boolean unique = uniqueKeys.get(key);
        if (unique == null) {
            unique = unique(fileOf(table.table()), sorted);
            uniqueKeys.put(key, unique);
        }
        if (!unique) {
            String named = String.join(", ", sorted);
            throw new RunFailure("join_key_not_unique", 422,
                    "自有表 " + table.alias() + " 的关联列（" + named + "）有重复值：自有表中每个关联键须只出现一次（每键一行）",
                    "The join key (" + named + ") of your table " + table.alias()
                            + " repeats values: a join key must hold each value once in your table (one row per key)");
        }
    }

    private static boolean unique(Path parquet, List<String> columns) throws RunFailure {
        String tuple = columns.stream().map(Uploads::quoted).collect(java.util.stream.Collectors.joining(", "));
        String present = columns.stream().map(column -> quoted(column) + " IS NOT NULL").collect(java.util.stream.Collectors.joining(" AND "));
        try (Connection duck = DuckDb.inMemory(); Statement sql = duck.createStatement();
             ResultSet counts = sql.executeQuery("SELECT count(*) = count(DISTINCT (" + tuple + ")) FROM read_parquet("
                     + literal(parquet) + ") WHERE " + present)) {
            counts.next();
            return counts.getBoolean(1);
        } catch (SQLException unreadable) {
            throw new RunFailure("table_not_found", 404, "该表不存在", "No such table");
        }
    }

    /**
     * A column name as a plain identifier: lower case, anything else an underscore, never starting with a digit; a name
     * with no letter or digit of a-z, 0-9 (车场名称) becomes {@code column_<position>} (the confirmation renames nothing:
     * the provider sees the mapping in the inferred schema).
     */
    static String plain(String name, int position) {
        if (!name.toLowerCase(Locale.ROOT).matches(".*[a-z0-9].*")) {
            return "column_" + position;
        }
        String lower = name.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (lower.isEmpty() || Character.isDigit(lower.charAt(0))) {
            lower = "_" + lower;
        }
        return lower.length() > 63 ? lower.substring(0, 63) : lower;
    }

}
