package io.pdx.marketplace.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The real sandbox-runner for marketplace-api's tests: the jar its module packaged, started on
 * 127.0.0.1:8092 with its own data folder (demo data at the small scale, made once and kept under
 * target/), the test shared secret and short limits. Stopped by its process handle; its PID is
 * written beside its log. {@link #restart()} stops and starts it again (restart survival).
 */
public class SandboxRunnerProcess implements QuarkusTestResourceLifecycleManager {

    /** 8092; {@code -Dpdx.test.sandbox-port=…} moves it (two checkouts testing on one machine). */
    public static final int PORT = Integer.getInteger("pdx.test.sandbox-port", 8092);
    public static final String SECRET = "test-sandbox-secret-0123456789";
    static final Path JAR = Path.of("..", "sandbox-runner", "target", "quarkus-app", "quarkus-run.jar");
    static final Path TARGET = Path.of("target");

    private static Process process;
    private static Map<String, String> overrides = Map.of();

    @Override
    public Map<String, String> start() {
        startProcess();
        return Map.of("quarkus.rest-client.sandbox.url", "http://127.0.0.1:" + PORT, "pdx.sandbox.secret", SECRET);
    }

    @Override
    public void stop() {
        stopProcess();
    }

    public static synchronized void restart() {
        restartWith(Map.of());
    }

    /** Restarts the runner with some of its settings changed (e.g. a time limit), until the next restart. */
    public static synchronized void restartWith(Map<String, String> settings) {
        stopProcess();
        overrides = Map.copyOf(settings);
        startProcess();
    }

    public static synchronized void stopProcess() {
        if (process != null) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    private static synchronized void startProcess() {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException("sandbox-runner is not packaged: build it first (mvn verify builds it before marketplace-api)");
        }
        try {
            Path log = TARGET.resolve("sandbox-runner-test.log");
            Map<String, String> settings = new java.util.LinkedHashMap<>(Map.of(
                    "quarkus.http.host", "127.0.0.1", "quarkus.http.port", Integer.toString(PORT),
                    "pdx.data.dir", TARGET.resolve("sandbox-data").toAbsolutePath().toString(),
                    "pdx.demo.generate", "true", "pdx.demo.scale", "small", "pdx.demo.seed", "20261125",
                    "pdx.sandbox.limits.time-limit", "PT4S", "pdx.sandbox.limits.memory-limit", "384MB",
                    "pdx.sandbox.limits.threads", "2"));
            settings.putAll(overrides);
            List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx768m", "--add-opens=java.base/java.nio=ALL-UNNAMED"));
            settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("PDX_SANDBOX_SECRET", SECRET);
            process = builder.start();
            Files.writeString(TARGET.resolve("sandbox-runner-test.pid"), Long.toString(process.pid()));
            awaitReady();
        } catch (IOException failure) {
            throw new IllegalStateException("could not start sandbox-runner", failure);
        }
    }

    private static void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/q/health/ready")).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("sandbox-runner exited; see target/sandbox-runner-test.log");
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("sandbox-runner did not become ready; see target/sandbox-runner-test.log");
    }
}
