package io.pdx.sandbox.engine.results;

import io.pdx.sandbox.data.DataFolder;
import io.pdx.sandbox.driver.DuckDb;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import jakarta.enterprise.context.ApplicationScoped;
import org.duckdb.DuckDBConnection;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * An Arrow stream written as one Parquet file, by a DuckDB of its own that sees nothing but that stream (no data
 * folder, no statement of a caller). The schema's metadata ({@code pdx.grade}, {@code pdx.noise}, {@code pdx.epsilon} …)
 * and each column's ({@code pdx.column.<name>.tag}, {@code .aggregate}, {@code .noised}) become the file's key-value
 * metadata, so a Parquet reader sees the controls an Arrow reader sees.
 */
@ApplicationScoped
public class ParquetExport {

    static final long MEMORY = 1L << 31;

    private final ArrowAllocation arrow;
    private final Path folder;

    public ParquetExport(ArrowAllocation arrow, DataFolder data) throws IOException {
        this.arrow = arrow;
        this.folder = data.resultsFolder();
        Files.createDirectories(folder);
    }

    /** A stored Arrow IPC stream as Parquet. */
    public void write(InputStream arrowStream, OutputStream out) throws IOException {
        try (BufferAllocator allocator = arrow.child("parquet-read", MEMORY);
             ArrowStreamReader reader = new ArrowStreamReader(arrowStream, allocator)) {
            write(reader, out);
        }
    }

    /** Reads {@code reader} to its end and writes the Parquet file to {@code out}; the temporary file is always deleted. */
    public void write(ArrowReader reader, OutputStream out) throws IOException {
        write(reader, Map.of(), out);
    }

    /** As {@link #write(ArrowReader, OutputStream)}, with {@code extra} key-value metadata beside the schema's. */
    public void write(ArrowReader reader, Map<String, String> extra, OutputStream out) throws IOException {
        Path file = Files.createTempFile(folder, "export-", ".parquet.partial");
        try {
            Map<String, String> metadata = metadata(reader.getVectorSchemaRoot().getSchema());
            metadata.putAll(extra);
            try (BufferAllocator allocator = arrow.child("parquet-export", MEMORY);
                 ArrowArrayStream stream = ArrowArrayStream.allocateNew(allocator);
                 DuckDBConnection duck = DuckDb.inMemory();
                 Statement statement = duck.createStatement()) {
                Data.exportArrayStream(allocator, reader, stream);
                duck.registerArrowStream("result", stream);
                statement.execute("SET threads = 1");
                statement.execute("COPY result TO " + literal(file.toString()) + " (FORMAT PARQUET, COMPRESSION ZSTD"
                        + (metadata.isEmpty() ? "" : ", KV_METADATA {" + metadata.entrySet().stream()
                        .map(entry -> literal(entry.getKey()) + ": " + literal(entry.getValue()))
                        .collect(Collectors.joining(", ")) + "}") + ")");
            } catch (SQLException failure) {
                throw new IOException("the result could not be written as Parquet", null);
            }
            Files.copy(file, out);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The schema's metadata and each column's, as flat keys. */
    static Map<String, String> metadata(Schema schema) {
        Map<String, String> metadata = new TreeMap<>(schema.getCustomMetadata() == null ? Map.of() : schema.getCustomMetadata());
        for (Field field : schema.getFields()) {
            if (field.getMetadata() != null) {
                field.getMetadata().forEach((key, value) ->
                        metadata.put("pdx.column." + field.getName() + "." + (key.startsWith("pdx.") ? key.substring(4) : key), value));
            }
        }
        return metadata;
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
