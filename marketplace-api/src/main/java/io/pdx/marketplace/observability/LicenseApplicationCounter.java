package io.pdx.marketplace.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pdx.contracts.Grade;
import io.pdx.contracts.policy.LicenseOutcome;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.Map;

/**
 * Counts license applications as OPA decided them, {@value MetricNames#LICENSE_APPLICATIONS} by decision and grade:
 * the 秒批 share is AUTO_APPROVE over AUTO_APPROVE + REVIEW. Every series exists from the start, at zero.
 */
@Startup
@ApplicationScoped
public class LicenseApplicationCounter {

    private final Map<LicenseOutcome, Map<Grade, Counter>> decided = new EnumMap<>(LicenseOutcome.class);

    public LicenseApplicationCounter(MeterRegistry registry) {
        for (LicenseOutcome outcome : LicenseOutcome.values()) {
            Map<Grade, Counter> byGrade = new EnumMap<>(Grade.class);
            for (Grade grade : Grade.values()) {
                byGrade.put(grade, Counter.builder(MetricNames.LICENSE_APPLICATIONS)
                        .description("License applications by OPA's decision (AUTO_APPROVE is 秒批) and grade")
                        .tags(MetricNames.DECISION, outcome.name(), MetricNames.GRADE, grade.name()).register(registry));
            }
            decided.put(outcome, byGrade);
        }
    }

    /** An application was decided and recorded. */
    public void decided(LicenseOutcome outcome, Grade grade) {
        decided.get(outcome).get(grade == null ? Grade.CORE : grade).increment();
    }
}
