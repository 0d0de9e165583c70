package io.pdx.sandbox.engine.tables;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pdx.contracts.catalog.ColumnSpec;
import io.pdx.contracts.runner.DeletedTable;
import io.pdx.contracts.runner.IngestedTable;
import io.pdx.sandbox.driver.DuckDb;
import io.pdx.sandbox.engine.RunFailure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An organization's own tables on disk, with the real DuckDB: streamed uploads of CSV and Parquet become one Parquet
 * file with plain column names, and every failure — a malformed file, a limit, a connection lost mid-upload — leaves
 * nothing behind; only the owning organization passes {@link OwnTables#requireOwner}.
 */
class OwnTablesTest {

    private static final String ORG = "91350100M000100Y43";
    private static final String CSV = "Depot Name,route_id,Staff\n东街口车场,L001,12\n五四路车场,L002,8\n湖滨车场,L003,15\n";

    @TempDir
    Path folder;
    private OwnTables tables;

    @BeforeEach
    void store() throws IOException {
        tables = new OwnTables(folder, new ObjectMapper());
    }

    @Test
    void aCsv_isStoredAsParquet_withPlainColumnNamesAndInferredTypes() throws Exception {
        UUID id = UUID.randomUUID();
        IngestedTable stored = tables.ingest(id, ORG, "csv", 1 << 20, utf8(CSV));
        assertEquals(3, stored.rowCount());
        assertEquals(List.of("depot_name", "route_id", "staff"), stored.columns().stream().map(ColumnSpec::name).toList());
        assertEquals("BIGINT", stored.columns().get(2).type());
        assertEquals(Files.size(tables.fileOf(id.toString())), stored.bytes());
        assertEquals(64, stored.sha256().length());
        try (Connection duck = DuckDb.inMemory(); Statement sql = duck.createStatement();
             ResultSet staff = sql.executeQuery("SELECT sum(staff) FROM read_parquet('" + tables.fileOf(id.toString()) + "')")) {
            staff.next();
            assertEquals(35, staff.getLong(1));
        }
        assertEquals(List.of(id + ".json", id + ".parquet"), files(), "the table and who owns it; no temporary file");
    }

    @Test
    void aJoinKey_isUniqueAsAWhole_andACompositeKeyMayRepeatEachOfItsColumns() throws Exception {
        UUID id = UUID.randomUUID();
        // route L1 at two stops, stop S1 on two routes: each column repeats, the pair does not; NULLs join nothing
        tables.ingest(id, ORG, "csv", 1 << 20, utf8("route_id,stop_id,kind\nL1,S1,a\nL1,S2,b\nL2,S1,c\nL2,,d\nL2,,e\n"));
        io.pdx.contracts.runner.SandboxDataset table = io.pdx.contracts.runner.SandboxDataset.ownTable("my_stops", List.of(
                new ColumnSpec("route_id", "VARCHAR", io.pdx.contracts.ColumnTag.ATTRIBUTE, null),
                new ColumnSpec("stop_id", "VARCHAR", io.pdx.contracts.ColumnTag.ATTRIBUTE, null),
                new ColumnSpec("kind", "VARCHAR", io.pdx.contracts.ColumnTag.ATTRIBUTE, null)), id.toString());
        tables.requireUniqueKey(table, List.of("route_id", "stop_id"));
        tables.requireUniqueKey(table, List.of("kind"));
        tables.requireUniqueKey(table, List.of());
        RunFailure repeated = assertThrows(RunFailure.class, () -> tables.requireUniqueKey(table, List.of("route_id")));
        assertEquals("join_key_not_unique", repeated.code());
        assertTrue(repeated.messageEn().contains("route_id") && repeated.messageEn().contains("my_stops"), repeated.messageEn());
        assertEquals("join_key_not_unique", assertThrows(RunFailure.class, () -> tables.requireUniqueKey(table, List.of("stop_id"))).code());
    }

    @Test
    void aParquetFile_isStoredToo() throws Exception {
        UUID first = UUID.randomUUID();
        tables.ingest(first, ORG, "csv", 1 << 20, utf8(CSV));
        byte[] parquet = Files.readAllBytes(tables.fileOf(first.toString()));
        UUID second = UUID.randomUUID();
        IngestedTable again = tables.ingest(second, ORG, "parquet", 1 << 20, new ByteArrayInputStream(parquet));
        assertEquals(3, again.rowCount());
        assertEquals("depot_name", again.columns().get(0).name());
    }

    @Test
    void aMalformedCsv_isA422_andLeavesNothing() {
        String broken = "a,b\n1,2\n3,4,5,6\n\"unclosed,7\n";
        RunFailure refused = assertThrows(RunFailure.class, () -> tables.ingest(UUID.randomUUID(), ORG, "csv", 1 << 20, utf8(broken)));
        assertEquals(422, refused.status());
        assertEquals("upload_unreadable", refused.code());
        assertEquals(List.of(), files());
    }

    @Test
    void aValueThatDoesNotMatchItsColumnsType_isA422NamingTheLineAndColumn() {
        StringBuilder csv = new StringBuilder("id,amount\n");
        for (int i = 0; i < 30_000; i++) {
            csv.append(i).append(',').append(i * 2).append('\n');
        }
        csv.append("30000,x\n"); // past the sample the types are inferred from
        RunFailure refused = assertThrows(RunFailure.class,
                () -> tables.ingest(UUID.randomUUID(), ORG, "csv", 1 << 22, utf8(csv.toString())));
        assertEquals(422, refused.status());
        assertTrue(refused.messageEn().contains("Line: 30002"), refused.messageEn());
        assertTrue(refused.messageEn().contains("amount"), refused.messageEn());
        assertEquals(List.of(), files());
    }

    @Test
    void notParquetAtAll_isA422() {
        RunFailure refused = assertThrows(RunFailure.class,
                () -> tables.ingest(UUID.randomUUID(), ORG, "parquet", 1 << 20, utf8(CSV)));
        assertEquals(422, refused.status());
        assertEquals(List.of(), files());
    }

    @Test
    void anUploadOverItsLimit_isA413_andLeavesNothing() {
        RunFailure refused = assertThrows(RunFailure.class, () -> tables.ingest(UUID.randomUUID(), ORG, "csv", 20, utf8(CSV)));
        assertEquals(413, refused.status());
        assertTrue(refused.messageEn().contains("20 bytes"), refused.messageEn());
        assertEquals(List.of(), files());
    }

    @Test
    void aConnectionLostMidUpload_leavesNoTableAndNoBytes() {
        InputStream cut = new InputStream() {
            private final InputStream start = utf8(CSV);

            @Override
            public int read() throws IOException {
                int next = start.read();
                if (next < 0) {
                    throw new IOException("connection reset");
                }
                return next;
            }
        };
        RunFailure refused = assertThrows(RunFailure.class, () -> tables.ingest(UUID.randomUUID(), ORG, "csv", 1 << 20, cut));
        assertEquals("upload_interrupted", refused.code());
        assertEquals(List.of(), files());
    }

    @Test
    void columnsThatBecomeTheSameName_areRefused() {
        RunFailure refused = assertThrows(RunFailure.class,
                () -> tables.ingest(UUID.randomUUID(), ORG, "csv", 1 << 20, utf8("Route ID,route_id\nL1,L1\n")));
        assertEquals("column_name_duplicate", refused.code());
        assertEquals(List.of(), files());
    }

    @Test
    void onlyTheOwningOrganization_passes_andAfterDeletionNobody() throws Exception {
        UUID id = UUID.randomUUID();
        IngestedTable stored = tables.ingest(id, ORG, "csv", 1 << 20, utf8(CSV));
        assertDoesNotThrow(() -> tables.requireOwner(id.toString(), ORG));
        assertEquals(404, assertThrows(RunFailure.class, () -> tables.requireOwner(id.toString(), "91110000600037341L")).status());
        assertEquals(404, assertThrows(RunFailure.class, () -> tables.requireOwner(id.toString(), null)).status());
        assertEquals(404, assertThrows(RunFailure.class, () -> tables.requireOwner("../../etc/passwd", ORG)).status());
        DeletedTable deleted = tables.delete(id);
        assertEquals(stored.sha256(), deleted.sha256());
        assertEquals(stored.bytes(), deleted.bytes());
        assertEquals(List.of(), files(), "every copy gone");
        assertEquals(404, assertThrows(RunFailure.class, () -> tables.requireOwner(id.toString(), ORG)).status());
        assertEquals(404, assertThrows(RunFailure.class, () -> tables.delete(id)).status());
    }

    @Test
    void columnNames_becomePlainIdentifiers() {
        assertEquals("depot_name", OwnTables.plain(" Depot Name ", 1));
        assertEquals("_2024_sales", OwnTables.plain("2024 Sales", 2));
        assertEquals("column_3", OwnTables.plain("车场名称", 3));
        assertEquals("route___", OwnTables.plain("route线路号", 4));
    }

    private List<String> files() {
        try (Stream<Path> listed = Files.list(folder)) {
            return listed.map(path -> path.getFileName().toString()).sorted().toList();
        } catch (IOException unreadable) {
            throw new java.io.UncheckedIOException(unreadable);
        }
    }

    private static InputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
