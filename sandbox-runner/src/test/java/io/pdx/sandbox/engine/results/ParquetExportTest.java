package io.pdx.sandbox.engine.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pdx.sandbox.data.DataFolder;
import io.pdx.sandbox.driver.DuckDb;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A stored Arrow result read back from its Parquet file: the same rows, the same metadata, nothing left behind. */
class ParquetExportTest {

    @TempDir
    Path folder;

    private ArrowAllocation arrow;
    private ParquetExport export;
    private DataFolder data;

    @BeforeEach
    void setUp() throws Exception {
        arrow = new ArrowAllocation();
        data = new DataFolder(folder.resolve("data"), Optional.empty(), new ObjectMapper());
        export = new ParquetExport(arrow, data);
    }

    @AfterEach
    void noArrowMemoryLeft() {
        assertEquals(0, arrow.allocatedBytes(), "every Arrow buffer is released");
    }

    @Test
    void rowsAndMetadata_surviveTheConversion() throws Exception {
        byte[] stream = arrowStream(List.of("110101", "110102", "110105"), List.of(120L, 87L, 43L));
        ByteArrayOutputStream parquet = new ByteArrayOutputStream();
        export.write(new ByteArrayInputStream(stream), parquet);

        Path file = folder.resolve("read.parquet");
        Files.write(file, parquet.toByteArray());
        try (Connection duck = DuckDb.inMemory(); Statement query = duck.createStatement()) {
            Map<String, String> metadata = new HashMap<>();
            try (ResultSet rows = query.executeQuery("SELECT decode(key), decode(value) FROM parquet_kv_metadata('" + file + "')")) {
                while (rows.next()) {
                    metadata.put(rows.getString(1), rows.getString(2));
                }
            }
            assertEquals("IMPORTANT", metadata.get("pdx.grade"));
            assertEquals("DISCRETE_LAPLACE", metadata.get("pdx.noise"));
            assertEquals("true", metadata.get("pdx.column.trips.noised"));
            assertEquals("COUNT", metadata.get("pdx.column.trips.aggregate"));
            assertEquals("QUASI_IDENTIFIER", metadata.get("pdx.column.district_code.tag"));
            try (ResultSet rows = query.executeQuery("SELECT district_code, trips FROM '" + file + "' ORDER BY district_code")) {
                StringBuilder read = new StringBuilder();
                while (rows.next()) {
                    read.append(rows.getString(1)).append('=').append(rows.getLong(2)).append(';');
                }
                assertEquals("110101=120;110102=87;110105=43;", read.toString());
            }
        }
        try (var left = Files.list(data.resultsFolder())) {
            assertTrue(left.findAny().isEmpty(), "the temporary Parquet file is deleted");
        }
    }

    @Test
    void anEmptyResult_isAnEmptyParquetFileWithItsColumns() throws Exception {
        ByteArrayOutputStream parquet = new ByteArrayOutputStream();
        export.write(new ByteArrayInputStream(arrowStream(List.of(), List.of())), parquet);
        Path file = folder.resolve("empty.parquet");
        Files.write(file, parquet.toByteArray());
        try (Connection duck = DuckDb.inMemory(); Statement query = duck.createStatement();
             ResultSet rows = query.executeQuery("SELECT count(*), count(trips) FROM '" + file + "'")) {
            rows.next();
            assertEquals(0, rows.getLong(1));
        }
    }

    private byte[] arrowStream(List<String> districts, List<Long> trips) throws Exception {
        Schema schema = new Schema(List.of(
                new Field("district_code", new FieldType(true, ArrowType.Utf8.INSTANCE, null,
                        Map.of("pdx.tag", "QUASI_IDENTIFIER", "pdx.noised", "false")), null),
                new Field("trips", new FieldType(true, new ArrowType.Int(64, true), null,
                        Map.of("pdx.aggregate", "COUNT", "pdx.noised", "true")), null)),
                Map.of("pdx.grade", "IMPORTANT", "pdx.noise", "DISCRETE_LAPLACE", "pdx.epsilon", "0.5"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BufferAllocator allocator = arrow.child("test", Long.MAX_VALUE);
             VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
             ArrowStreamWriter writer = new ArrowStreamWriter(root, null, out)) {
            writer.start();
            VarCharVector district = (VarCharVector) root.getVector("district_code");
            BigIntVector trip = (BigIntVector) root.getVector("trips");
            for (int i = 0; i < districts.size(); i++) {
                district.setSafe(i, districts.get(i).getBytes(StandardCharsets.UTF_8));
                trip.setSafe(i, trips.get(i));
            }
            root.setRowCount(districts.size());
            writer.writeBatch();
            writer.end();
        }
        return out.toByteArray();
    }
}
