package io.pdx.marketplace.sandbox;

import io.pdx.marketplace.problem.InvalidParameter;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Waiting on a job ({@code ?wait=PT10S}, at most 30 s): the answer goes out once the job stops moving (it is
 * released, waits for review, was rejected, failed or was cancelled) or when the wait is over. A waiter listens
 * before each read, so a change committed between the read and the wait is not missed; it is woken by the
 * {@link JobSignals signal} of a transition committed in this instance and reads again anyway every
 * {@link JobSignals#FALLBACK} (a change made by another instance).
 */
@ApplicationScoped
public class JobWaits {

    static final long MAX_WAIT_MILLIS = 30_000;

    private final JobSignals signals;

    public JobWaits(JobSignals signals) {
        this.signals = signals;
    }

    /** The wait asked for, in milliseconds (0 for none); 400 for anything but an ISO-8601 duration. */
    public static long millis(String wait) {
        if (wait == null) {
            return 0;
        }
        try {
            return Math.min(MAX_WAIT_MILLIS, Math.max(0, Duration.parse(wait).toMillis()));
        } catch (java.time.format.DateTimeParseException notADuration) {
            throw new InvalidParameter("wait", "an ISO-8601 duration such as PT10S");
        }
    }

    /** The job as {@code read} finds it once it stops moving, or as it is when {@code wait} is over. */
    public Uni<SandboxJob> settled(UUID id, Supplier<Uni<SandboxJob>> read, String wait) {
        long waitMillis = millis(wait);
        if (waitMillis == 0) {
            return Panache.withSession(read);
        }
        return settled(id, read, System.nanoTime() + waitMillis * 1_000_000);
    }

    private Uni<SandboxJob> settled(UUID id, Supplier<Uni<SandboxJob>> read, long deadline) {
        CompletableFuture<Void> signal = signals.listen(id);
        return Panache.withSession(read)
                .onFailure().invoke(() -> signals.forget(id, signal))
                .flatMap(job -> {
                    long left = deadline - System.nanoTime();
                    if (!JobLifecycle.moving(job.state) || left <= 0) {
                        signals.forget(id, signal);
                        return Uni.createFrom().item(job);
                    }
                    return signals.await(id, signal, Duration.ofNanos(left))
                            .flatMap(woken -> settled(id, () -> SandboxJob.findById(id), deadline));
                });
    }
}
