package io.pdx.contracts.satisfaction;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * The public aggregate of 好差评: how many ratings of each level, overall and per kind of event, and how the cases
 * stand. Counts only: never a comment, a complaint's text or a person.
 *
 * @param ratings     every rating
 * @param levels      ratings per level (every level present)
 * @param byEventKind ratings per kind of event (every kind present)
 * @param cases       the cases' counts
 */
public record SatisfactionSummary(long ratings, Map<SatisfactionLevel, Long> levels, List<EventKindCounts> byEventKind,
                                  CaseCounts cases) {

    public SatisfactionSummary {
        levels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(levels));
        byEventKind = List.copyOf(byEventKind);
    }

    /** The ratings of one kind of event. */
    public record EventKindCounts(ServiceEventKind eventKind, long ratings, Map<SatisfactionLevel, Long> levels) {

        public EventKindCounts {
            levels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(levels));
        }
    }

    /**
     * @param opened         every case, open or answered
     * @param open           cases awaiting their answer (overdue ones included)
     * @param answeredOnTime answered by their answerDue
     * @param answeredLate   answered after their answerDue
     * @param overdueNow     open and past their answerDue now
     */
    @Schema(description = "Cases (工单): open, answered on time or late, and overdue now")
    public record CaseCounts(long opened, long open, long answeredOnTime, long answeredLate, long overdueNow) {
    }
}
