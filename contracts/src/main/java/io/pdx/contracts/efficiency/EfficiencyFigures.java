package io.pdx.contracts.efficiency;

import io.pdx.contracts.satisfaction.SatisfactionSummary;

import java.util.List;

/**
 * 效能评估: the figures a bureau reports over the whole record.
 *
 * @param autoApprovedShare       share of applications approved at once (秒批), 0 to 1
 * @param medianSecondsToDecision median time from application to decision
 * @param reviewsPastSla          applications in review for longer than {@code reviewSlaHours}
 * @param months                  calls, revenue and open-data downloads per calendar month (Asia/Shanghai)
 * @param satisfaction            好差评: ratings per level (overall and per kind of event) and the cases open, answered
 *                                on time, answered late and overdue now
 */
public record EfficiencyFigures(long applications, long autoApproved, double autoApprovedShare, long decided,
                                double medianSecondsToDecision, double p90SecondsToDecision, long inReview, long reviewsPastSla,
                                int reviewSlaHours, List<Month> months,
                                SatisfactionSummary satisfaction) {

    public EfficiencyFigures withMonths(int slaHours, List<Month> figures) {
        return new EfficiencyFigures(applications, autoApproved, autoApprovedShare, decided, medianSecondsToDecision,
                p90SecondsToDecision, inReview, reviewsPastSla, slaHours, List.copyOf(figures), satisfaction);
    }

    public EfficiencyFigures withSatisfaction(SatisfactionSummary figures) {
        return new EfficiencyFigures(applications, autoApproved, autoApprovedShare, decided, medianSecondsToDecision,
                p90SecondsToDecision, inReview, reviewsPastSla, reviewSlaHours, months, figures);
    }

    /**
     * @param month             {@code YYYY-MM}
     * @param revenueFen        revenue in fen, reversals excluded
     * @param openDataDownloads downloads of open data (开放数据), signed in or not
     */
    public record Month(String month, long calls, long revenueFen, long openDataDownloads) {
    }
}
