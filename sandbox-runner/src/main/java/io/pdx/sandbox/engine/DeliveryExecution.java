package io.pdx.sandbox.engine;

import io.pdx.sandbox.engine.duckdb.HardenedDatabases;
import io.pdx.sandbox.engine.duckdb.HardenedDuckDb;
import io.pdx.sandbox.engine.results.ArrowAllocation;
import io.pdx.sandbox.engine.results.ArrowCsv;
import io.pdx.sandbox.engine.results.ArrowJson;
import io.pdx.sandbox.engine.results.ParquetExport;
import io.pdx.contracts.runner.ResultFormat;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pdx.contracts.ColumnTag;
import io.pdx.contracts.Grade;
import io.pdx.contracts.catalog.ColumnSpec;
import io.pdx.contracts.runner.DeliveryRequest;
import io.pdx.contracts.runner.SandboxDataset;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.Schema;
import org.duckdb.DuckDBResultSet;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.PreparedStatement;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A DELIVERY license's data: the licensed columns of a GENERAL dataset, IDENTIFIER columns never,
 * streamed batch by batch from a hardened DuckDB as an Arrow IPC stream (or as Parquet, JSON or CSV, for clients
 * that cannot read Arrow); also an open (开放) dataset's columns, whole or filtered by equality on them.
 */
@ApplicationScoped
public class DeliveryExecution {

    private final HardenedDatabases databases;
    private final SandboxLimits limits;
    private final ArrowAllocation arrow;
    private final ObjectMapper json;
    private final ParquetExport parquetExport;

    public DeliveryExecution(HardenedDatabases databases, SandboxLimits limits, ArrowAllocation arrow, ObjectMapper json,
                             ParquetExport parquetExport) {
        this.parquetExport = parquetExport;
        this.databases = databases;
        this.limits = limits;
        this.arrow = arrow;
        this.json = json;
    }

    /** Refuses what may not be delivered before anything is written. */
    public void check(DeliveryRequest request) throws RunFailure {
        SandboxDataset dataset = request.dataset();
        if (dataset == null || dataset.grade() != Grade.GENERAL) {
            throw new RunFailure("delivery_grade_not_allowed", 403, "仅一般数据可交付", "Only general data is delivered");
        }
        if (dataset.columns().isEmpty()
                || dataset.columns().stream().anyMatch(column -> column.tag() == ColumnTag.IDENTIFIER)) {
            throw new RunFailure("identifier_not_delivered", 403, "标识符字段不予交付", "Identifier columns are never delivered");
        }
        if (request.limit() != null && request.limit() < 0) {
            throw new RunFailure("limit_invalid", 400, "行数上限无效", "The row limit is invalid");
        }
        for (DeliveryRequest.EqualityFilter filter : request.filters()) {
            if (filter == null || filter.value() == null || dataset.columns().stream()
                    .noneMatch(column -> column.name().equals(filter.column()))) {
                throw new RunFailure("filter_invalid", 400, "筛选条件须针对所交付的字段",
                        "A filter names a column that is delivered");
            }
        }
    }

    /**
     * The delivery's statement: its columns (each cast to VARCHAR for CSV), and a WHERE clause of one
     * {@code column = TRY_CAST(? AS type)} per filter (the value bound as a parameter; a value the type does not
     * read matches nothing).
     */
    static String sql(DeliveryRequest request, ResultFormat format) {
        SandboxDataset dataset = request.dataset();
        String columns = dataset.columns().stream().map(ColumnSpec::name).map(HardenedDuckDb::identifier)
                .map(name -> format == ResultFormat.CSV ? "CAST(" + name + " AS VARCHAR) AS " + name : name)
                .collect(Collectors.joining(", "));
        String where = request.filters().stream().map(filter -> {
            ColumnSpec column = dataset.columns().stream().filter(spec -> spec.name().equals(filter.column()))
                    .findFirst().orElseThrow();
            return HardenedDuckDb.identifier(column.name()) + " = " + parameterOf(column.type());
        }).collect(Collectors.joining(" AND "));
        return "SELECT " + columns + " FROM " + HardenedDuckDb.identifier(dataset.alias())
                + (where.isEmpty() ? "" : " WHERE " + where)
                + (request.limit() == null ? "" : " LIMIT " + request.limit());
    }

    private static String parameterOf(String type) {
        String sqlType = type == null ? "VARCHAR" : switch (type) {
            case "INTEGER", "BIGINT" -> "BIGINT";
            case "DOUBLE", "DECIMAL" -> "DOUBLE";
            case "BOOLEAN" -> "BOOLEAN";
            case "DATE" -> "DATE";
            case "TIMESTAMP" -> "TIMESTAMP";
            default -> "VARCHAR";
        };
        return sqlType.equals("VARCHAR") ? "?" : "TRY_CAST(? AS " + sqlType + ")";
    }

    /** Bytes gathered before each write to the HTTP response: fewer, larger chunks. */
    static final int CHUNK = 1 << 20;

    public void stream(DeliveryRequest request, ResultFormat format, OutputStream response) throws IOException {
        OutputStream out = new java.io.BufferedOutputStream(response, CHUNK); // closed, and so flushed, by the writers
        SandboxDataset dataset = request.dataset();
        try (Connection duck = databases.connect(List.of(dataset), false);
             PreparedStatement query = prepared(duck, request, format);
             BufferAllocator allocator = arrow.child("delivery-" + dataset.alias(), 1L << 31);
             ResultSet rows = query.executeQuery();
             ArrowReader reader = (ArrowReader) ((DuckDBResultSet) rows).arrowExportStream(allocator, limits.batchRows())) {
            VectorSchemaRoot batch = reader.getVectorSchemaRoot();
            if (format == ResultFormat.JSON) {
                writeJson(reader, batch, out);
            } else if (format == ResultFormat.CSV) {
                writeCsv(reader, batch, out);
            } else if (format == ResultFormat.PARQUET) {
                try (out) {
                    parquetExport.write(reader, metadataOf(dataset), out);
                }
            } else {
                writeArrow(reader, batch, dataset, allocator, out);
            }
        } catch (SQLException failure) {
            databases.discard(List.of(dataset), false);
            throw new IOException("delivery query failed", null);
        }
    }

    private static PreparedStatement prepared(Connection duck, DeliveryRequest request, ResultFormat format)
            throws SQLException {
        PreparedStatement query = duck.prepareStatement(sql(request, format));
        int at = 1;
        for (DeliveryRequest.EqualityFilter filter : request.filters()) {
            query.setString(at++, filter.value());
        }
        return query;
    }

    private static void writeCsv(ArrowReader reader, VectorSchemaRoot batch, OutputStream out) throws IOException {
        try (Writer csv = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            ArrowCsv.writeHeader(batch, csv);
            while (reader.loadNextBatch()) {
                ArrowCsv.writeRows(batch, csv);
            }
        }
    }

    /** What a delivery says about itself, in its Arrow schema or its Parquet file. */
    private static Map<String, String> metadataOf(SandboxDataset dataset) {
        return Map.of("pdx.delivery", dataset.alias(), "pdx.grade", dataset.grade().name());
    }

    private static void writeArrow(ArrowReader reader, VectorSchemaRoot batch, SandboxDataset dataset,
                                   BufferAllocator allocator, OutputStream out) throws IOException {
        Schema schema = new Schema(batch.getSchema().getFields(), metadataOf(dataset));
        try (VectorSchemaRoot target = VectorSchemaRoot.create(schema, allocator);
             ArrowStreamWriter writer = new ArrowStreamWriter(target, null, Channels.newChannel(out))) {
            writer.start();
            while (reader.loadNextBatch()) {
                for (var vector : target.getFieldVectors()) {
                    batch.getVector(vector.getName()).makeTransferPair(vector).transfer();
                }
                target.setRowCount(batch.getRowCount());
                writer.writeBatch();
            }
            writer.end();
        }
    }

    private void writeJson(ArrowReader reader, VectorSchemaRoot batch, OutputStream out) throws IOException {
        try (JsonGenerator generator = json.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            generator.writeStartArray();
            while (reader.loadNextBatch()) {
                ArrowJson.writeRows(batch, 0, batch.getRowCount(), generator);
            }
            generator.writeEndArray();
        }
    }
}
