package io.pdx.policy.contract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Rego names its Java contract in METADATA: {@code custom: input:} and {@code output:} list the records (in
 * {@code contracts}) of what a package or an entrypoint rule reads and answers. This test, with no OPA, holds
 * those names to the code: each is a record of {@code io.pdx.contracts.policy}, every entrypoint has an input and
 * an output named (on itself or on its package), and every input record named has an example document that
 * {@link PolicyInputContractTest} round-trips and sends to the real OPA.
 */
class PolicyMetadataContractTest {

    private static final Path POLICY = Path.of("pdx");
    /** A key of the METADATA's YAML at the top level ({@code # custom:}), and one under {@code custom}. */
    private static final Pattern TOP_KEY = Pattern.compile("^# [a-z_]+:");
    private static final Pattern KEY = Pattern.compile("^#\\s+(input|output):\\s*(.+)$");
    private static final Pattern ANNOTATED = Pattern.compile("^(?:default\\s+)?(package\\s+[\\w.]+|[A-Za-z_]\\w*)");

    /** One METADATA block: what it annotates ({@code package pdx.authz} or a rule name) and what it says. */
    record Block(Path file, String annotates, boolean entrypoint, List<String> inputs, List<String> outputs) {

        boolean isPackage() {
            return annotates.startsWith("package ");
        }

        boolean named() {
            return !inputs.isEmpty() && !outputs.isEmpty();
        }
    }

    @Test
    void everyRecordNamedInMetadata_isAPolicyContractRecord() throws IOException {
        List<Block> blocks = blocks();
        List<String> named = blocks.stream().flatMap(b -> Stream.concat(b.inputs().stream(), b.outputs().stream()))
                .distinct().toList();
        assertTrue(named.size() >= 8, "records named: " + named);
        for (String name : named) {
            assertTrue(name.startsWith("io.pdx.contracts.policy."), name);
            Class<?> type = assertClass(name);
            assertTrue(type.isRecord(), name + " is a record");
        }
    }

    @Test
    void everyEntrypoint_namesItsInputAndOutput_onItselfOrItsPackage() throws IOException {
        List<Block> blocks = blocks();
        Map<Path, Block> packages = new LinkedHashMap<>();
        blocks.stream().filter(Block::isPackage).forEach(b -> packages.put(b.file(), b));
        List<Block> entrypoints = blocks.stream().filter(Block::entrypoint).toList();
        assertTrue(entrypoints.stream().anyMatch(b -> b.annotates().equals("actions")), "actions is an entrypoint");
        for (Block entrypoint : entrypoints) {
            Block pkg = packages.get(entrypoint.file());
            assertTrue(entrypoint.named() || (pkg != null && pkg.named()),
                    entrypoint.file() + " " + entrypoint.annotates() + " names its input and output records");
        }
    }

    @Test
    void everyInputRecordNamed_hasAnExampleTheContractTestSendsToOpa() throws IOException {
        Set<String> exercised = PolicyInputContractTest.inputs().map(Arguments::get)
                .map(arguments -> ((Class<?>) arguments[1]).getName()).collect(Collectors.toSet());
        Set<String> named = blocks().stream().flatMap(b -> b.inputs().stream()).collect(Collectors.toSet());
        assertFalse(named.isEmpty());
        assertEquals(Set.of(), named.stream().filter(name -> !exercised.contains(name)).collect(Collectors.toSet()),
                "input records named in METADATA without an example in PolicyInputContractTest.inputs()");
    }

    @Test
    void authz_namesItsDecisionAndActionsRecords() throws IOException {
        Map<String, Block> authz = blocks().stream().filter(b -> b.file().endsWith(Path.of("authz", "authz.rego")))
                .filter(Block::named).collect(Collectors.toMap(Block::annotates, b -> b));
        assertEquals(List.of("io.pdx.contracts.policy.AuthzInput"), authz.get("package pdx.authz").inputs());
        assertEquals(List.of("io.pdx.contracts.policy.AuthzDecision"), authz.get("package pdx.authz").outputs());
        assertEquals(List.of("io.pdx.contracts.policy.ActionsInput"), authz.get("actions").inputs());
        assertEquals(List.of("io.pdx.contracts.policy.AllowedActions"), authz.get("actions").outputs());
    }

    private static Class<?> assertClass(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("METADATA names " + name + ", which is no class", e);
        }
    }

    /** The METADATA blocks of the policy's Rego (tests left out). */
    static List<Block> blocks() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(POLICY)) {
            files = walk.filter(p -> p.toString().endsWith(".rego") && !p.toString().endsWith("_test.rego"))
                    .sorted().toList();
        }
        assertFalse(files.isEmpty(), "Rego files under " + POLICY.toAbsolutePath());
        List<Block> blocks = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).strip().equals("# METADATA")) {
                    continue;
                }
                boolean entrypoint = false;
                List<String> inputs = new ArrayList<>();
                List<String> outputs = new ArrayList<>();
                boolean custom = false;
                int j = i + 1;
                for (; j < lines.size() && lines.get(j).startsWith("#"); j++) {
                    String line = lines.get(j);
                    entrypoint |= line.strip().equals("# entrypoint: true");
                    if (TOP_KEY.matcher(line).find()) {
                        custom = line.strip().equals("# custom:");
                    }
                    Matcher key = KEY.matcher(line);
                    if (custom && key.matches()) {
                        List<String> names = Stream.of(key.group(2).split(",")).map(String::strip).toList();
                        (key.group(1).equals("input") ? inputs : outputs).addAll(names);
                    }
                }
                Matcher annotated = ANNOTATED.matcher(j < lines.size() ? lines.get(j) : "");
                assertTrue(annotated.find(), file + ":" + (j + 1) + " follows a METADATA block");
                blocks.add(new Block(file, annotated.group(1).replaceAll("\\s+", " "), entrypoint, inputs, outputs));
                i = j - 1;
            }
        }
        return blocks;
    }
}
