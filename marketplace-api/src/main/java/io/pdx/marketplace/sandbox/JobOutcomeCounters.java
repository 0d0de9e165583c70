package io.pdx.marketplace.sandbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pdx.contracts.Grade;
import io.pdx.marketplace.lifecycle.StatefulEntity;
import io.pdx.marketplace.observability.MetricNames;
import io.pdx.marketplace.lifecycle.Transition;
import io.pdx.marketplace.lifecycle.TransitionListener;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Counts how sandbox jobs end or move on after their run — {@value MetricNames#JOB_OUTCOMES} by transition and
 * grade — and the releases among them, {@value MetricNames#RELEASES} (by the policy at once, or by a reviewer).
 * Told by the {@link io.pdx.marketplace.lifecycle.TransitionKernel} once each transition committed; only the
 * transitions that are always signalled after their commit are counted (a job's admission and start are seen in
 * {@value MetricNames#JOBS} instead). Every series exists from the start, at zero.
 */
@Startup
@ApplicationScoped
public class JobOutcomeCounters implements TransitionListener {

    static final Set<JobTransition> COUNTED = EnumSet.of(JobTransition.AUTO_RELEASE, JobTransition.AWAIT_REVIEW,
            JobTransition.POLICY_REJECT, JobTransition.RELEASE, JobTransition.REJECT, JobTransition.FAIL, JobTransition.CANCEL);
    static final String BY_POLICY = "policy";
    static final String BY_REVIEWER = "reviewer";

    private final Map<JobTransition, Map<Grade, Counter>> outcomes = new EnumMap<>(JobTransition.class);
    private final Map<Grade, Counter> releasedByPolicy = new EnumMap<>(Grade.class);
    private final Map<Grade, Counter> releasedByReviewer = new EnumMap<>(Grade.class);

    public JobOutcomeCounters(MeterRegistry registry) {
        for (JobTransition transition : COUNTED) {
            Map<Grade, Counter> byGrade = new EnumMap<>(Grade.class);
            for (Grade grade : Grade.values()) {
                byGrade.put(grade, Counter.builder(MetricNames.JOB_OUTCOMES)
                        .description("Sandbox jobs by how they ended or moved on after their run, and grade")
                        .tags(MetricNames.OUTCOME, transition.name(), MetricNames.GRADE, grade.name()).register(registry));
            }
            outcomes.put(transition, byGrade);
        }
        for (Grade grade : Grade.values()) {
            releasedByPolicy.put(grade, release(registry, grade, BY_POLICY));
            releasedByReviewer.put(grade, release(registry, grade, BY_REVIEWER));
        }
    }

    private static Counter release(MeterRegistry registry, Grade grade, String decidedBy) {
        return Counter.builder(MetricNames.RELEASES).description("Sandbox results released, by grade and who released them")
                .tags(MetricNames.GRADE, grade.name(), MetricNames.DECIDED_BY, decidedBy).register(registry);
    }

    @Override
    public void committed(StatefulEntity<?> aggregate, Transition<?> transition) {
        if (!(aggregate instanceof SandboxJob job) || !(transition instanceof JobTransition move) || !COUNTED.contains(move)) {
            return;
        }
        Grade grade = job.grade == null ? Grade.CORE : job.grade;
        outcomes.get(move).get(grade).increment();
        if (move == JobTransition.AUTO_RELEASE) {
            releasedByPolicy.get(grade).increment();
        } else if (move == JobTransition.RELEASE) {
            releasedByReviewer.get(grade).increment();
        }
    }
}
