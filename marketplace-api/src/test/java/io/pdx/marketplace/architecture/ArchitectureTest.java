package io.pdx.marketplace.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaCodeUnitAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.pdx.marketplace.lifecycle.StatefulEntity;
import io.pdx.marketplace.lifecycle.TransitionKernel;
import io.pdx.marketplace.lifecycle.TransitionListener;
import io.pdx.marketplace.persistence.TimestampedEntity;
import io.pdx.marketplace.time.PlatformClock;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The architecture the issues describe, held by the compiled classes (the fast tier, no stack): only the transition
 * kernel moves state, packages import only downward, and wall time is read from the injected {@link Clock}.
 */
class ArchitectureTest {

    static final String ROOT = "io.pdx.marketplace.";
    static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.pdx.marketplace");

    /**
     * Each slice's rank, lowest first: a class may depend on a class of its own slice or of a slice ranked strictly
     * below it, never on one at its rank or above (a cycle, or an import pointing back up).
     */
    static final Map<String, Integer> RANKS = Map.ofEntries(
            Map.entry("problem", 0), Map.entry("time", 0), Map.entry("observability", 0), Map.entry("openapi", 0),
            Map.entry("async", 0), Map.entry("persistence", 0), Map.entry("console", 0), Map.entry("calendar", 0),
            Map.entry("paging", 1),
            Map.entry("security", 2),
            Map.entry("audit", 3),
            Map.entry("lifecycle", 4),
            Map.entry("catalog", 5),
            Map.entry("product", 6), Map.entry("organization", 6), Map.entry("reference", 6),
            Map.entry("licensing", 7),
            Map.entry("ledger", 8),
            Map.entry("sandbox", 9),
            Map.entry("dcat", 10), Map.entry("demo", 10), Map.entry("ratelimit", 10),
            Map.entry("opendata", 10), Map.entry("ckan", 10), Map.entry("satisfaction", 10), Map.entry("disclosure", 10),
            Map.entry("efficiency", 11));

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

    /** The state of a stateful entity is a private field, written by its own {@code enter} alone (and its initializer). */
    @Test
    void stateFields_arePrivate_andWrittenOnlyByEnter() {
        List<String> offences = new ArrayList<>();
        for (JavaClass entity : statefulEntities()) {
            for (JavaField field : entity.getFields()) {
                if (!Set.of("state", "status").contains(field.getName())) {
                    continue;
                }
                if (!field.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PRIVATE)) {
                    offences.add(entity.getSimpleName() + "." + field.getName() + " is not private");
                }
                for (JavaFieldAccess access : field.getAccessesToSelf()) {
                    String origin = access.getOrigin().getName();
                    if (access.getAccessType() == JavaFieldAccess.AccessType.SET && !origin.equals("enter")
                            && !origin.equals("<init>")) {
                        offences.add(access.getOrigin().getFullName() + " writes " + entity.getSimpleName() + "." + field.getName());
                    }
                }
            }
        }
        assertEquals(List.of(), offences);
    }

    /** A state moves through {@code StatefulEntity.apply} alone, which the kernel alone calls. */
    @Test
    void onlyTheKernel_appliesTransitions() {
        List<String> offences = new ArrayList<>();
        for (JavaClass type : MAIN) {
            for (JavaMethodCall call : type.getMethodCallsFromSelf()) {
                JavaClass owner = call.getTargetOwner();
                String name = call.getName();
                boolean stateful = owner.isAssignableTo(StatefulEntity.class);
                if (stateful && name.equals("apply") && !type.isEquivalentTo(TransitionKernel.class)) {
                    offences.add(call.getOrigin().getFullName() + " applies a transition");
                }
                // (a subclass's bridge method enter(Enum) calls its typed enter: the same method)
                if (stateful && name.equals("enter") && !type.isEquivalentTo(StatefulEntity.class)
                        && !call.getOrigin().getName().equals("enter")) {
                    offences.add(call.getOrigin().getFullName() + " enters a state");
                }
                if (owner.isAssignableTo(TransitionListener.class) && name.equals("committed")
                        && !type.isEquivalentTo(TransitionKernel.class)) {
                    offences.add(call.getOrigin().getFullName() + " tells listeners by hand");
                }
            }
        }
        assertEquals(List.of(), offences);
    }

    /** Packages not yet held to {@link #wallTime_isReadFromTheInjectedClock}: none left. */
    static final Set<String> NOT_YET_ON_THE_CLOCK = Set.of();

    /**
     * Classes that may read the system's wall clock: the producer of the Clock, and {@link TimestampedEntity}, whose
     * JPA callbacks cannot be injected and whose stamps decide nothing (its comment says why).
     */
    static final Set<Class<?>> MAY_READ_SYSTEM_TIME = Set.of(PlatformClock.class, TimestampedEntity.class);

    /**
     * A moment that decides something (a stamp, a deadline, a year, a period) comes from the injected {@link Clock}: no
     * {@code now()} or {@code now(ZoneId)} of a {@code java.time} type (only {@code now(Clock)}), no
     * {@code Clock.systemUTC()}/{@code systemDefaultZone()}, no {@code System.currentTimeMillis()}. Elapsed time may
     * read the monotonic {@code System.nanoTime()} (rate-limit buckets, cache TTLs, request durations).
     */
    @Test
    void wallTime_isReadFromTheInjectedClock() {
        List<String> offences = new ArrayList<>();
        for (JavaClass type : MAIN) {
            if (NOT_YET_ON_THE_CLOCK.contains(slice(type)) || MAY_READ_SYSTEM_TIME.stream().anyMatch(type::isEquivalentTo)) {
                continue;
            }
            List<JavaCodeUnitAccess<?>> calls = new ArrayList<>(type.getMethodCallsFromSelf());
            calls.addAll(type.getMethodReferencesFromSelf());
            for (JavaCodeUnitAccess<?> call : calls) {
                if (readsWallTime(call)) {
                    offences.add(call.getOrigin().getFullName() + " calls " + call.getTargetOwner().getSimpleName() + "."
                            + call.getName() + " (line " + call.getLineNumber() + ")");
                }
            }
        }
        assertEquals(List.of(), offences);
    }

    static boolean readsWallTime(JavaCodeUnitAccess<?> call) {
        JavaClass owner = call.getTargetOwner();
        String name = call.getName();
        List<JavaClass> parameters = call.getTarget().getRawParameterTypes();
        if (owner.getPackageName().equals("java.time") && name.equals("now")) {
            return parameters.stream().noneMatch(parameter -> parameter.isAssignableTo(Clock.class));
        }
        return owner.isEquivalentTo(Clock.class) && Set.of("systemUTC", "systemDefaultZone").contains(name)
                || owner.isEquivalentTo(System.class) && name.equals("currentTimeMillis");
    }

    /** The rules above look at something: the four aggregates of today are found. */
    @Test
    void everyStatefulEntity_isFound() {
        assertTrue(statefulEntities().stream().map(JavaClass::getSimpleName).toList()
                .containsAll(List.of("Dataset", "License", "Organization", "SandboxJob")));
    }

    static List<JavaClass> statefulEntities() {
        return MAIN.stream().filter(type -> type.isAssignableTo(StatefulEntity.class) && !type.isEquivalentTo(StatefulEntity.class))
                .toList();
    }

    /** The top package under {@code io.pdx.marketplace} (a package and its subpackages are one slice). */
    static String slice(JavaClass type) {
        String rest = type.getPackageName().equals("io.pdx.marketplace") ? "" : type.getPackageName().substring(ROOT.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
