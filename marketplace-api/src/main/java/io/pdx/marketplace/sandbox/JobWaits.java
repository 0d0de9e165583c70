package io.pdx.marketplace.sandbox;

import io.pdx.marketplace.problem.InvalidParameter;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Waiting on a job ({@code ?wait=PT10S}, at most 30 s): the answer goes out once the job stops moving (it is
 * released, waits for review, was rejected, failed or was cancelled) or when the wait is over. A waiter listens
 * before each read, so a change committed between the read and the wait is not missed; it is woken by the
 * {@link JobSignals signal} of a transition committed in this instance and reads again anyway every
 * {@link JobSignals#FALLBACK} (a change made by another instance). For the job's requester a job keeps moving until its
 * slot ends ({@link SandboxJob#visibleState}): the wait then lasts until that time, fixed at admission, whatever the
 * run did — an early finish waits, and nothing about the run's duration reaches the requester through the wait. A
 * waiter that sees the outcome become visible meters it first ({@link JobMetering#meterVisible}).
 */
@ApplicationScoped
public class JobWaits {

    static final long MAX_WAIT_MILLIS = 30_000;

    private final JobSignals signals;
    private final JobMetering metering;
    private final Clock clock;

    public JobWaits(JobSignals signals, JobMetering metering, Clock clock) {
        this.clock = clock;
        this.signals = signals;
        this.metering = metering;
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

    /**
     * The job as {@code read} finds it once it stops moving for the reader ({@code bureau}: its state; its requester:
     * the state it may see), or as it is when {@code wait} is over.
     */
    public Uni<SandboxJob> settled(UUID id, Supplier<Uni<SandboxJob>> read, String wait, boolean bureau) {
        long waitMillis = millis(wait);
        if (waitMillis == 0) {
            return Panache.withSession(read).call(job -> bureau ? Uni.createFrom().voidItem() : meteredIfVisible(job));
        }
        return settled(id, read, System.nanoTime() + waitMillis * 1_000_000, bureau);
    }

    private Uni<SandboxJob> settled(UUID id, Supplier<Uni<SandboxJob>> read, long deadline, boolean bureau) {
        CompletableFuture<Void> signal = signals.listen(id);
        return Panache.withSession(read)
                .onFailure().invoke(() -> signals.forget(id, signal))
                .flatMap(job -> {
                    long left = deadline - System.nanoTime();
                    OffsetDateTime now = OffsetDateTime.now(clock);
                    boolean hidden = !bureau && job.hiddenAt(now);
                    if ((!hidden && !JobLifecycle.moving(job.state())) || left <= 0) {
                        signals.forget(id, signal);
                        return (bureau ? Uni.createFrom().voidItem() : meteredIfVisible(job)).replaceWith(job);
                    }
                    if (hidden) {
                        // nothing the run does is shown before the slot's end: wait until then (or the wait's end)
                        long untilVisible = Math.max(1, Duration.between(now, job.visibleAt).toNanos());
                        return signals.await(id, signal, Duration.ofNanos(Math.min(left, untilVisible)))
                                .flatMap(woken -> settled(id, () -> SandboxJob.findById(id), deadline, false));
                    }
                    return signals.await(id, signal, Duration.ofNanos(left))
                            .flatMap(woken -> settled(id, () -> SandboxJob.findById(id), deadline, bureau));
                });
    }

    /** A job whose outcome its requester now sees is metered before the answer goes out. */
    private Uni<Void> meteredIfVisible(SandboxJob job) {
        boolean due = !job.hiddenAt(OffsetDateTime.now(clock))
                && (!job.meteredCall || (!job.meteredRows && JobMetering.SETTLED.contains(job.state())));
        return due ? metering.meterVisible(job.id) : Uni.createFrom().voidItem();
    }
}
