package io.pdx.sandbox.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runner's layers, held by the compiled classes (plain JUnit, no Quarkus): packages import only downward. From the
 * bottom: the DuckDB driver and the secret filter; the statement guard ({@code sql}) and the data folder
 * ({@code data}); the privacy mechanisms, which read the guard's shapes; the engine, which runs a guarded statement on
 * the data with the mechanisms; the metrics, which count the engine's failures; the HTTP resources and the demo data.
 */
class ArchitectureTest {

    static final String ROOT = "io.pdx.sandbox.";
    static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.pdx.sandbox");

    /**
     * Each slice's rank, lowest first: a class may depend on a class of its own slice or of a slice ranked strictly
     * below it, never on one at its rank or above. A slice is a top package under {@code io.pdx.sandbox} with its
     * subpackages ({@code engine.duckdb} and {@code engine.results} are the engine's).
     */
    static final Map<String, Integer> RANKS = Map.ofEntries(
            Map.entry("driver", 0), Map.entry("security", 0),
            Map.entry("sql", 1), Map.entry("data", 1),
            Map.entry("privacy", 2),
            Map.entry("engine", 3),
            Map.entry("observability", 4),
            Map.entry("api", 5), Map.entry("demo", 5));

    @Test
    void everyPackage_hasARank() {
        List<String> unranked = MAIN.stream().map(ArchitectureTest::slice).distinct().filter(slice -> !RANKS.containsKey(slice))
                .toList();
        assertEquals(List.of(), unranked, "a new package takes its place in RANKS");
    }

    @Test
    void packages_importOnlyDownward() {
        List<String> upward = new ArrayList<>();
        for (JavaClass type : MAIN) {
            for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                JavaClass target = dependency.getTargetClass();
                if (!target.getPackageName().startsWith(ROOT) || slice(target).equals(slice(type))) {
                    continue;
                }
                if (RANKS.getOrDefault(slice(target), 99) >= RANKS.getOrDefault(slice(type), -1)) {
                    upward.add(type.getSimpleName() + " (" + slice(type) + ") → " + target.getSimpleName() + " (" + slice(target) + ")");
                }
            }
        }
        assertEquals(List.of(), upward.stream().distinct().sorted().toList());
    }

    /** The rule above looks at something: the runner's classes are imported, the engine among them. */
    @Test
    void theRunnersClasses_areFound() {
        assertTrue(MAIN.stream().map(ArchitectureTest::slice).toList().containsAll(List.of("api", "engine", "sql", "data")));
    }

    /** The top package under {@code io.pdx.sandbox} (a package and its subpackages are one slice). */
    static String slice(JavaClass type) {
        String rest = type.getPackageName().equals("io.pdx.sandbox") ? "" : type.getPackageName().substring(ROOT.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
