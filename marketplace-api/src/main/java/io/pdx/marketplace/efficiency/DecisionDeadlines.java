package io.pdx.marketplace.efficiency;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.pdx.contracts.efficiency.DeadlineUnit;
import io.pdx.contracts.efficiency.DecisionDeadline;
import io.pdx.contracts.efficiency.DecisionKind;
import io.pdx.policy.client.PolicyClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every kind of decision's deadline, as the policy data resolves it ({@code data.pdx.efficiency.document}: the license
 * review SLA and the 好差评 answer days read where they are kept). A kind the policy names that PDX does not count is
 * left out; a kind PDX counts without a deadline in the policy is an error of configuration, never a guessed number.
 */
@ApplicationScoped
public class DecisionDeadlines {

    static final String DOCUMENT = "pdx/efficiency/document";

    private final PolicyClient policy;

    public DecisionDeadlines(PolicyClient policy) {
        this.policy = policy;
    }

    /** As OPA answers it: kinds and units as text, so that one PDX does not know is skipped rather than fatal. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Document(List<Entry> deadlines) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entry(String kind, String labelZh, String labelEn, String unit, int amount, String source, String basisZh, String basisEn) {
    }

    public Uni<List<DecisionDeadline>> all() {
        return policy.evaluate(DOCUMENT, Map.of(), Document.class).map(answer -> resolve(answer.result()));
    }

    static List<DecisionDeadline> resolve(Document document) {
        List<DecisionDeadline> deadlines = new ArrayList<>();
        Set<DecisionKind> missing = EnumSet.allOf(DecisionKind.class);
        for (Entry entry : document == null || document.deadlines() == null ? List.<Entry>of() : document.deadlines()) {
            DecisionKind kind = known(DecisionKind.values(), entry.kind());
            DeadlineUnit unit = known(DeadlineUnit.values(), entry.unit());
            if (kind != null && unit != null && entry.amount() >= 1 && missing.remove(kind)) {
                deadlines.add(new DecisionDeadline(kind, entry.labelZh(), entry.labelEn(), unit, entry.amount(), entry.source(),
                        entry.basisZh(), entry.basisEn()));
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("pdx.config.efficiency.deadlines has no usable deadline for " + missing);
        }
        return List.copyOf(deadlines);
    }

    private static <E extends Enum<E>> E known(E[] values, String name) {
        return Arrays.stream(values).filter(value -> value.name().equals(name)).findFirst().orElse(null);
    }
}
