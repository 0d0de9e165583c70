package io.pdx.marketplace.policy;

import org.junit.jupiter.api.Tag;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pdx.contracts.policy.LicenseInput;
import io.pdx.contracts.policy.PolicyDecision;
import io.pdx.contracts.policy.SandboxAdmissionInput;
import io.pdx.policy.client.PolicyClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Benchmark, not a test (its name keeps it out of Surefire's default run; bench/policy-latency.sh
 * runs it): decision latency through {@link PolicyClient} for the license and sandbox-admission
 * decisions at a fixed open-loop rate over loopback, side by side with a bare JDK HTTP client
 * sending the same bytes. Latency is measured from each request's scheduled time, so a stall
 * is not hidden (no coordinated omission). Bounded: rate × seconds requests, then it stops.
 */
@Tag("stack") // needs the real stack: ./pdx test starts it; the fast tier leaves it out
@QuarkusTest
class PolicyLatencyBenchmark {

    private static final Path EXAMPLES = Path.of("..", "contracts", "src", "test", "resources", "policy-examples");
    private static final int RATE = Integer.getInteger("bench.rate", 500);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 10);
    private static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup", 15);

    @Inject
    PolicyClient policy;
    @Inject
    ObjectMapper json;

    @Test
    void licenseAndAdmissionDecisions() throws Exception {
        LicenseInput license = json.readValue(EXAMPLES.resolve("license.json").toFile(), LicenseInput.class);
        SandboxAdmissionInput admission = json.readValue(EXAMPLES.resolve("sandbox-admission.json").toFile(),
                SandboxAdmissionInput.class);
        HttpClient bare = HttpClient.newHttpClient();
        URI opa = URI.create("http://127.0.0.1:8181/v1/data/");

        System.out.printf("%nPolicy decision latency, %d decisions/s for %d s each, loopback OPA%n", RATE, SECONDS);
        System.out.printf("%-22s %-12s %9s %9s %9s %9s%n", "decision", "client", "p50 ms", "p99 ms", "max ms", "errors");
        Map<String, Object> decisions = new LinkedHashMap<>();
        decisions.put("pdx/sandbox/admission", admission);
        decisions.put("pdx/license/decision", license);
        for (var decision : decisions.entrySet()) {
            String body = json.writeValueAsString(Map.of("input", decision.getValue()));
            Supplier<CompletableFuture<?>> viaClient = () -> policy
                    .evaluate(decision.getKey(), decision.getValue(), PolicyDecision.class)
                    .subscribeAsCompletionStage();
            Supplier<CompletableFuture<?>> viaBareHttp = () -> bare.sendAsync(HttpRequest.newBuilder(opa.resolve(decision.getKey()))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            warmUp(viaClient);
            warmUp(viaBareHttp);
            Result client = run(viaClient, RATE, SECONDS);
            Result raw = run(viaBareHttp, RATE, SECONDS);
            client.print(decision.getKey(), "PolicyClient");
            raw.print(decision.getKey(), "bare JDK HTTP");
            System.out.printf("%-22s ratio PolicyClient / bare HTTP: p50 %.2f, p99 %.2f%n", decision.getKey(),
                    client.p50() / raw.p50(), client.p99() / raw.p99());
        }
    }

    /** A cold JVM cannot take the full rate at once: a fifth, then half, then the full rate. */
    private static void warmUp(Supplier<CompletableFuture<?>> call) throws InterruptedException {
        int step = Math.max(1, WARMUP_SECONDS / 3);
        run(call, RATE / 5, step);
        run(call, RATE / 2, step);
        run(call, RATE, step);
    }

    private static Result run(Supplier<CompletableFuture<?>> call, int rate, int seconds) throws InterruptedException {
        int count = rate * seconds;
        long[] latencies = new long[count];
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(count);
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long scheduled = start + i * interval;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int index = i;
            call.get().whenComplete((ignored, failure) -> {
                latencies[index] = System.nanoTime() - scheduled;
                if (failure != null && errors.incrementAndGet() == 1) {
                    System.out.println("first error: " + failure);
                }
                done.countDown();
            });
        }
        done.await(30, TimeUnit.SECONDS);
        Arrays.sort(latencies);
        return new Result(latencies, errors.get());
    }

    private record Result(long[] sortedNanos, int errors) {
        double percentile(double p) {
            return sortedNanos[(int) Math.min(sortedNanos.length - 1, Math.ceil(p * sortedNanos.length) - 1)] / 1e6;
        }

        double p50() {
            return percentile(0.50);
        }

        double p99() {
            return percentile(0.99);
        }

        void print(String decision, String client) {
            System.out.printf("%-22s %-12s %9.3f %9.3f %9.3f %9d%n", decision, client, p50(), p99(),
                    sortedNanos[sortedNanos.length - 1] / 1e6, errors);
        }
    }
}
