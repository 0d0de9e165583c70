package io.pdx.marketplace.sandbox.admission;

import io.pdx.contracts.policy.ControlsResult;
import io.pdx.contracts.policy.PolicyDecision;
import io.pdx.contracts.runner.Analysis;
import io.pdx.contracts.sandbox.JobState;
import io.pdx.marketplace.problem.ProblemException;
import io.pdx.marketplace.sandbox.JobProblems;
import io.pdx.marketplace.sandbox.SandboxJob;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The slots of an organization's jobs (Fuzz's predictable transactions). A job's slot is as long as its statement and
 * the sizes of the tables it reads say ({@code Analysis.slotMillis}); it begins when the organization's previous slot
 * ends, or the admission's allowance after its submission arrived ({@link #earliestStart}), and its end is when
 * the requester sees the outcome — never earlier, and the run is stopped before it. Slots of one organization follow one another, so a tenant never holds more than one run at a time, and its
 * jobs' visible times depend on its own statements only, not on how long any run took. Reserved in the admission's
 * transaction under an advisory lock on the organization; at most {@code max_pending} unfinished slots each.
 */
@ApplicationScoped
class JobSlots {

    static final String LAST_END = "select max(j.visibleAt), count(j) from SandboxJob j"
            + " where j.organization = :organization and j.visibleAt > :now and j.state <> :cancelled";

    /** A reserved slot. */
    public record Slot(OffsetDateTime start, OffsetDateTime end) {
    }

    /**
     * Locks the organization's slots for the caller's transaction and reserves the next one, {@code slotMillis} long,
     * beginning no earlier than {@code earliest}; 429 when the organization already has {@code max_pending} unfinished
     * slots at {@code now}.
     */
    Uni<Slot> reserve(String organization, long slotMillis, ControlsResult.Timing timing, OffsetDateTime now,
                      OffsetDateTime earliest) {
        return Panache.getSession().flatMap(session -> session.createSelectionQuery(PrivacySpending.LOCK, String.class)
                        .setParameter("key", lockKey(organization)).getSingleResult()
                        .flatMap(locked -> session.createSelectionQuery(LAST_END, Object[].class)
                                .setParameter("organization", organization)
                                .setParameter("now", now)
                                .setParameter("cancelled", JobState.CANCELLED)
                                .getSingleResult()))
                .map(row -> {
                    long pending = row[1] == null ? 0 : ((Number) row[1]).longValue();
                    if (pending >= timing.max_pending()) {
                        throw new TooManyPending(timing.max_pending());
                    }
                    OffsetDateTime lastEnd = (OffsetDateTime) row[0];
                    OffsetDateTime start = (lastEnd == null || lastEnd.isBefore(earliest) ? earliest : lastEnd)
                            .truncatedTo(ChronoUnit.MILLIS); // as PostgreSQL keeps it, whoever reads it
                    return new Slot(start, start.plus(Duration.ofMillis(slotMillis)));
                });
    }

    /**
     * A job's slot: the next of its organization's, as long as the runner's analysis said; a repeated statement
     * ({@code earlier} not null), which runs nothing, shows its answer when the earlier job does (or now).
     */
    Uni<Slot> forJob(String organization, Analysis analysis, ControlsResult controls, SandboxJob earlier,
                     OffsetDateTime arrived, OffsetDateTime at) {
        OffsetDateTime now = at.truncatedTo(ChronoUnit.MILLIS);
        if (earlier != null) {
            OffsetDateTime shown = earlier.visibleAt == null || earlier.visibleAt.isBefore(now) ? now : earlier.visibleAt;
            return Uni.createFrom().item(new Slot(now, shown));
        }
        if (controls == null || controls.timing() == null || analysis.slotMillis() <= 0) {
            throw new JobProblems.SlotsUnavailable(); // no slot, no run: a job's timing is never left to its data
        }
        return reserve(organization, analysis.slotMillis(), controls.timing(), now, earliestStart(arrived, now, controls.timing()));
    }

    /**
     * When a slot may begin: its submission's arrival plus the admission's allowance, whatever the admission took
     * within it; {@code now} when the admission overran it (or there is none).
     */
    static OffsetDateTime earliestStart(OffsetDateTime arrived, OffsetDateTime now, ControlsResult.Timing timing) {
        OffsetDateTime allowed = arrived.truncatedTo(ChronoUnit.MILLIS).plus(Duration.ofMillis(Math.max(0, timing.admission_ms())));
        return timing.admission_ms() > 0 && !now.isAfter(allowed) ? allowed : now;
    }

    static long lockKey(String organization) {
        return AdvisoryLockKey.of("pdx-slots|" + organization);
    }

    /** The organization has as many unfinished jobs as it may: 429. */
    static final class TooManyPending extends ProblemException {
        TooManyPending(int limit) {
            super(429, "sandbox/too-many-pending", "Too many pending jobs / 待完成作业过多",
                    "Your organization has " + limit + " jobs whose slots have not ended; submit again when one has. / 贵单位已有 "
                            + limit + " 个作业尚未结束，请待其结束后再提交。", List.of(),
                    List.of(new PolicyDecision.Reason("too_many_pending_jobs", "贵单位待完成的作业已达上限 " + limit + " 个",
                            "Your organization has reached its limit of " + limit + " pending jobs")));
        }
    }
}
