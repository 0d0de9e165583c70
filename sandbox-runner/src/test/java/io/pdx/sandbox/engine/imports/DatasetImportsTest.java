package io.pdx.sandbox.engine.imports;

import io.pdx.contracts.ColumnTag;
import io.pdx.contracts.catalog.ColumnSpec;
import io.pdx.contracts.catalog.QualityReport;
import io.pdx.contracts.runner.DatasetImport;
import io.pdx.sandbox.driver.DuckDb;
import io.pdx.sandbox.engine.RunFailure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A registered version's data entering the domain, with the real DuckDB: checked against the registered schema, its
 * quality report (nulls, distinct values, values outside declared bounds, freshness) computed from the data, and a
 * refused file leaves nothing behind.
 */
class DatasetImportsTest {

    static final Clock ON_2026_12_07 = Clock.fixed(Instant.parse("2026-12-07T08:00:00Z"), ZoneOffset.UTC);
    static final DatasetImport REGISTERED = new DatasetImport(List.of(
            new ColumnSpec("route_id", "VARCHAR", ColumnTag.ATTRIBUTE, "线路", null, null, null, null),
            new ColumnSpec("riders", "BIGINT", ColumnTag.METRIC, "客流", BigDecimal.ZERO, BigDecimal.valueOf(1000), null, null),
            new ColumnSpec("day", "DATE", ColumnTag.QUASI_IDENTIFIER, "日期", null, null, null, null)), "DAILY");
    /** Six rows: one null route, two riders outside [0, 1000], one null day; the latest day 2026-12-06. */
    static final String CSV = """
            route_id,riders,day,note
            L001,120,2026-12-01,a
            L002,5000,2026-12-02,b
            ,300,2026-12-03,c
            L003,-4,2026-12-06,d
            L001,999,,e
            L004,0,2026-12-05,f
            """;

    @TempDir
    Path folder;
    private DatasetImports imports;

    @BeforeEach
    void domain() {
        imports = new DatasetImports(folder, ON_2026_12_07);
    }

    static InputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aConformingFile_isStoredInItsRegisteredTypes_withAnAggregateQualityReport() throws Exception {
        UUID id = UUID.randomUUID();
        QualityReport report = imports.ingest(id, "csv", REGISTERED, 1 << 20, utf8(CSV));
        assertEquals(6, report.rows());
        QualityReport.ColumnQuality route = report.columns().get(0);
        QualityReport.ColumnQuality riders = report.columns().get(1);
        QualityReport.ColumnQuality day = report.columns().get(2);
        assertEquals(1, route.nulls());
        assertEquals(4, route.distinct());
        assertNull(route.outOfBounds(), "no bounds, nothing counted");
        assertEquals(2L, riders.outOfBounds(), "5000 and -4 lie outside [0, 1000]");
        assertEquals(0, riders.nulls());
        assertEquals(1, day.nulls());
        assertEquals(LocalDate.of(2026, 12, 6), report.latest());
        assertEquals(1L, report.ageDays());
        assertEquals("FRESH", report.freshness());
        assertEquals(List.of("note"), report.ignoredColumns());
        Path file = folder.resolve(DatasetImports.aliasOf(id) + ".parquet");
        assertEquals(Files.size(file), report.bytes());
        assertEquals(64, report.sha256().length());
        try (Connection duck = DuckDb.inMemory(); Statement sql = duck.createStatement();
             ResultSet types = sql.executeQuery("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('" + file + "'))")) {
            StringBuilder described = new StringBuilder();
            while (types.next()) {
                described.append(types.getString(1)).append(':').append(types.getString(2)).append(' ');
            }
            assertEquals("route_id:VARCHAR riders:BIGINT day:DATE ", described.toString(), "registered columns only, in their types");
        }
        assertTrue(report.toString().indexOf("5000") < 0 && report.toString().indexOf("L002") < 0, "no value is in the report");
    }

    @Test
    void oldData_isStale_againstItsUpdateFrequency() throws Exception {
        DatasetImport weekly = new DatasetImport(REGISTERED.columns(), "WEEKLY");
        QualityReport report = new DatasetImports(folder, Clock.offset(ON_2026_12_07, java.time.Duration.ofDays(30)))
                .ingest(UUID.randomUUID(), "csv", weekly, 1 << 20, utf8(CSV));
        assertEquals("STALE", report.freshness());
        DatasetImport irregular = new DatasetImport(REGISTERED.columns(), "IRREGULAR");
        assertEquals("UNKNOWN", imports.ingest(UUID.randomUUID(), "csv", irregular, 1 << 20, utf8(CSV)).freshness());
    }

    @Test
    void aMissingColumn_orValuesOfAnotherType_areRefused_namingColumnsAndCounts_andLeaveNothing() throws IOException {
        RunFailure missing = assertThrows(RunFailure.class, () -> imports.ingest(UUID.randomUUID(), "csv", REGISTERED, 1 << 20,
                utf8("route_id,day\nL001,2026-12-01\n")));
        assertEquals(422, missing.status());
        assertEquals("columns_missing", missing.code());
        assertTrue(missing.messageEn().contains("riders"));
        RunFailure mistyped = assertThrows(RunFailure.class, () -> imports.ingest(UUID.randomUUID(), "csv", REGISTERED, 1 << 20,
                utf8("route_id,riders,day\nL001,many,2026-12-01\nL002,3,yesterday\nL003,x,2026-12-02\n")));
        assertEquals("values_mistyped", mistyped.code());
        assertTrue(mistyped.messageEn().contains("riders (BIGINT)=2"), mistyped.messageEn());
        assertFalse(mistyped.messageEn().contains("many"), "the values themselves are not told");
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(List.of(), left.toList(), "nothing is kept of a refused file");
        }
    }
}
