package io.pdx.sandbox.engine.duckdb;

import io.pdx.sandbox.data.DataFolder;
import io.pdx.sandbox.engine.SandboxLimits;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@link EngineProcess engine processes} the runner's statements run in: at most {@code pdx.sandbox.engine.processes}
 * at once (each runs one statement at a time with DuckDB's threads), kept warm between statements. A process that was
 * killed (its run passed its time limit) or left half-read is replaced by a fresh one.
 */
@ApplicationScoped
public class EngineProcesses {

    private static final Logger LOG = Logger.getLogger(EngineProcesses.class);

    private final Semaphore running;
    private final LinkedBlockingDeque<EngineProcess> idle = new LinkedBlockingDeque<>();
    /** Processes alive or starting: kept at {@link #processes}, a killed one replaced at once in the background. */
    private final AtomicInteger alive = new AtomicInteger();
    private final List<String> command;
    private final Path temporaryRoot;
    private final int processes;
    private int started;
    /** Whether the last engine process started (null until the first start ends). */
    private volatile Boolean lastStartWorked;

    public EngineProcesses(DataFolder data, SandboxLimits limits,
                           @ConfigProperty(name = "pdx.sandbox.engine.processes", defaultValue = "2") int processes,
                           @ConfigProperty(name = "pdx.sandbox.engine.java-options",
                                   defaultValue = "-Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto") String javaOptions)
            throws IOException {
        this.processes = Math.max(1, processes);
        this.running = new Semaphore(this.processes, true);
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        removeLeftovers(tmp);
        this.temporaryRoot = Files.createDirectories(tmp.resolve("pdx-engine-" + ProcessHandle.current().pid()));
        List<String> line = new ArrayList<>();
        line.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : javaOptions.trim().split("\\s+")) {
            if (!option.isEmpty()) {
                line.add(option);
            }
        }
        line.add("--add-opens=java.base/java.nio=ALL-UNNAMED");
        line.add("-cp");
        line.add(classPath());
        line.add(EngineMain.class.getName());
        line.add(data.root().toString());
        line.add(limits.memoryLimit());
        line.add(Integer.toString(Math.max(1, limits.threads())));
        this.command = List.copyOf(line);
        warmUp(this.processes);
    }

    /** Kills a process that is not to be used again and counts it gone. */
    private void forget(EngineProcess engine) {
        engine.kill();
        alive.decrementAndGet();
    }

    /**
     * Starts {@code count} processes in the background, ahead of the statements that will need them: starting one
     * takes a JVM's start (about a second here), which must not come out of a job's slot. A start that fails shows in
     * the health check at once.
     */
    private void warmUp(int count) {
        int starting = 0;
        for (int i = 0; i < count; i++) {
            if (alive.incrementAndGet() > processes) {
                alive.decrementAndGet();
                break;
            }
            starting++;
        }
        int toStart = starting;
        if (toStart == 0) {
            return;
        }
        Thread warm = new Thread(() -> {
            for (int i = 0; i < toStart; i++) {
                try {
                    idle.addLast(start());
                } catch (IOException | RuntimeException failed) {
                    alive.decrementAndGet();
                    LOG.warnf("engine process could not start: %s", failed.getClass().getSimpleName());
                }
            }
        }, "engine-process-warm-up");
        warm.setDaemon(true);
        warm.start();
    }

    /** Whether engine processes start: null while the first start is under way. */
    public Boolean starting() {
        return lastStartWorked;
    }

    /**
     * A process for one statement, waiting for one to be free for at most {@code waitMillis}; null when none was free in
     * time. Give it back with {@link #release}.
     */
    EngineProcess acquire(long waitMillis) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Math.max(0, waitMillis) * 1_000_000;
        if (!running.tryAcquire(Math.max(0, waitMillis), TimeUnit.MILLISECONDS)) {
            return null;
        }
        try {
            while (true) {
                if (alive.get() < processes) {
                    warmUp(processes - alive.get()); // one died on its own: its replacement starts now
                }
                EngineProcess kept = idle.pollFirst(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (kept == null) {
                    if (Boolean.FALSE.equals(lastStartWorked)) {
                        throw new IOException("engine processes do not start");
                    }
                    running.release();
                    return null;
                }
                if (kept.usable()) {
                    return kept;
                }
                forget(kept);
            }
        } catch (IOException | RuntimeException | InterruptedException failed) {
            running.release();
            throw failed;
        }
    }

    /** Takes a process back: kept for the next statement when its exchange ended cleanly, else killed. */
    void release(EngineProcess engine, boolean clean) {
        try {
            if (clean && engine.usable()) {
                idle.addFirst(engine);
            } else {
                forget(engine);
                warmUp(1); // its replacement starts now, not when the next statement needs it
            }
        } finally {
            running.release();
        }
    }

    private EngineProcess start() throws IOException {
        Path temporary;
        synchronized (this) {
            temporary = Files.createDirectories(temporaryRoot.resolve("process-" + (++started)));
        }
        List<String> line = new ArrayList<>(command);
        line.add(1, "-Djava.io.tmpdir=" + temporary);
        long began = System.nanoTime();
        EngineProcess engine;
        try {
            engine = EngineProcess.start(line, temporary);
        } catch (IOException | RuntimeException failed) {
            lastStartWorked = false;
            throw failed;
        }
        lastStartWorked = true;
        LOG.debugf("engine process started in %d ms", (System.nanoTime() - began) / 1_000_000);
        return engine;
    }

    /**
     * The class path of this runner for the engine process: the Quarkus application's jars when it runs packaged
     * ({@code quarkus-app/quarkus-run.jar}), else the class path the JVM was started with (tests, development).
     */
    static String classPath() {
        String own = System.getProperty("java.class.path", "");
        Path jar = Path.of(own.split(File.pathSeparator)[0]).toAbsolutePath();
        if (jar.getFileName() != null && jar.getFileName().toString().equals("quarkus-run.jar")) {
            Path app = jar.getParent();
            return app.resolve("app").resolve("*") + File.pathSeparator + app.resolve("lib").resolve("main").resolve("*")
                    + File.pathSeparator + app.resolve("lib").resolve("boot").resolve("*");
        }
        return own;
    }

    /** The temporary folders of runners that are gone (killed before they could remove them): 70 MB each. */
    private static void removeLeftovers(Path tmp) {
        try (var folders = Files.list(tmp)) {
            folders.filter(folder -> folder.getFileName().toString().matches("pdx-engine-[0-9]+"))
                    .filter(folder -> ProcessHandle.of(Long.parseLong(folder.getFileName().toString().substring(11)))
                            .map(handle -> !handle.isAlive()).orElse(true))
                    .forEach(EngineProcesses::deleteTree);
        } catch (IOException | RuntimeException unreadable) {
            LOG.debug("leftover engine folders not removed");
        }
    }

    private static void deleteTree(Path folder) {
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException ignored) {
            LOG.debug("a leftover engine folder could not be removed");
        }
    }

    /** Where the processes' temporary folders are, one each (for tests). */
    Path temporaryRoot() {
        return temporaryRoot;
    }

    @PreDestroy
    void stop() {
        for (EngineProcess engine = idle.pollFirst(); engine != null; engine = idle.pollFirst()) {
            engine.kill();
        }
        try (var files = Files.walk(temporaryRoot)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException ignored) {
            LOG.debug("the engine processes' temporary folder could not be removed");
        }
    }
}
