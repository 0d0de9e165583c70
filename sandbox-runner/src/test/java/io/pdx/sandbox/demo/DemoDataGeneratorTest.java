package io.pdx.sandbox.demo;

import io.pdx.contracts.Grade;
import io.pdx.contracts.runner.DataManifest;
import io.pdx.contracts.runner.DatasetDescriptor;
import io.pdx.contracts.identity.Uscc;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoDataGeneratorTest {

    @TempDir
    static Path folder;
    static DataManifest manifest;

    @BeforeAll
    static void generate() throws Exception {
        manifest = new DemoDataGenerator(7, DemoScale.TINY).generate(folder);
    }

    @Test
    void generate_makesSevenDatasetsCoveringEveryGrade() {
        assertEquals(7, manifest.datasets().size());
        Set<Grade> grades = manifest.datasets().stream().map(DatasetDescriptor::grade).collect(Collectors.toSet());
        assertEquals(EnumSet.allOf(Grade.class), grades);
    }

    @Test
    void generate_tagsEveryColumnAndNamesAnEntityColumnThatExists() throws Exception {
        for (DatasetDescriptor dataset : manifest.datasets()) {
            assertNotNull(dataset.entityColumn(), dataset.nameEn());
            assertTrue(dataset.columns().stream().anyMatch(c -> c.name().equals(dataset.entityColumn())), dataset.nameEn());
            dataset.columns().forEach(column -> assertNotNull(column.tag(), dataset.nameEn() + "." + column.name()));
            assertEquals(dataset.columns().stream().map(c -> c.name()).toList(), parquetColumns(dataset), dataset.nameEn());
        }
    }

    @Test
    void everyMetricOfImportantData_declaresBoundsThatCoverItsValues() throws Exception {
        for (DatasetDescriptor dataset : manifest.datasets()) {
            if (dataset.grade() != Grade.IMPORTANT) {
                continue;
            }
            for (var column : dataset.columns()) {
                if (column.tag() != io.pdx.contracts.ColumnTag.METRIC) {
                    continue;
                }
                assertTrue(column.bounded(), dataset.nameEn() + "." + column.name());
                List<String> range = strings("SELECT min(" + column.name() + ")::VARCHAR || ' ' || max(" + column.name()
                        + ")::VARCHAR FROM read_parquet('" + folder.resolve(dataset.file()) + "')");
                String[] minMax = range.get(0).split(" ");
                assertTrue(new java.math.BigDecimal(minMax[0]).compareTo(column.lower()) >= 0
                        && new java.math.BigDecimal(minMax[1]).compareTo(column.upper()) <= 0, column.name() + " " + range);
            }
        }
    }

    @Test
    void swipesAndRoutes_declareTheSameJoinKey() {
        var swipes = manifest.datasets().stream().filter(d -> d.file().equals("bus_card_swipes.parquet")).findFirst().orElseThrow();
        var routes = manifest.datasets().stream().filter(d -> d.file().equals("bus_routes.parquet")).findFirst().orElseThrow();
        assertEquals("bus_route", swipes.columns().stream().filter(c -> c.name().equals("route_id")).findFirst().orElseThrow().joinKey());
        assertEquals("bus_route", routes.columns().stream().filter(c -> c.name().equals("route_id")).findFirst().orElseThrow().joinKey());
    }

    @Test
    void generate_recordsTheRowCountOfEachParquetFile() throws Exception {
        for (DatasetDescriptor dataset : manifest.datasets()) {
            assertEquals(dataset.rowCount(), DemoDataGenerator.countRows(folder.resolve(dataset.file())), dataset.nameEn());
        }
    }

    @Test
    void marketEntities_haveCreditCodesThatPassTheGb32100Check() throws Exception {
        List<String> codes = strings("SELECT uscc FROM read_parquet('" + folder.resolve("market_entities.parquet") + "')");
        assertFalse(codes.isEmpty());
        codes.forEach(code -> assertTrue(Uscc.isValid(code), code));
    }

    @Test
    void residentIds_carryTheirMod11CheckCharacter() throws Exception {
        List<String> ids = strings("SELECT DISTINCT id_card_no FROM read_parquet('"
                + folder.resolve("medical_insurance_claims.parquet") + "') LIMIT 200");
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        for (String id : ids) {
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                sum += (id.charAt(i) - '0') * weights[i];
            }
            assertEquals("10X98765432".charAt(sum % 11), id.charAt(17), id);
        }
    }

    @Test
    void generate_isDeterministicForASeed_andDiffersAcrossSeeds(@TempDir Path again, @TempDir Path other) throws Exception {
        new DemoDataGenerator(7, DemoScale.TINY).generate(again);
        new DemoDataGenerator(8, DemoScale.TINY).generate(other);
        for (String file : List.of("market_entities.parquet", "bus_card_swipes.parquet", "medical_insurance_claims.parquet")) {
            assertEquals(fingerprint(folder.resolve(file)), fingerprint(again.resolve(file)), file);
            assertNotEquals(fingerprint(folder.resolve(file)), fingerprint(other.resolve(file)), file);
        }
    }

    private static List<String> parquetColumns(DatasetDescriptor dataset) throws Exception {
        return strings("SELECT name FROM parquet_schema('" + folder.resolve(dataset.file()) + "') WHERE num_children IS NULL");
    }

    private static String fingerprint(Path parquet) throws Exception {
        return strings("SELECT md5(string_agg(t::VARCHAR, '|' ORDER BY t::VARCHAR)) FROM read_parquet('" + parquet + "') t").get(0);
    }

    private static List<String> strings(String query) throws Exception {
        try (var duck = io.pdx.sandbox.driver.DuckDb.inMemory();
             Statement sql = duck.createStatement();
             ResultSet rs = sql.executeQuery(query)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }
}
