package io.pdx.contracts.efficiency;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * 效能评估 against deadlines: per kind of decision, calendar month (Asia/Shanghai) and providing department, how many
 * were decided, at once or not, how long they took, how many met their deadline or were late, and how many are open
 * and overdue now. A decided matter counts in the month it was decided; an open one in the month it began.
 *
 * @param from      the first month, {@code YYYY-MM}
 * @param to        the last month, {@code YYYY-MM}
 * @param asOf      the moment "now" of {@code openNow} and {@code overdueNow}
 * @param deadlines every kind's deadline, in the policy data's order
 * @param rows      per kind, month and department; a row without a department totals the kind's month
 */
@Schema(description = "Decisions against their deadlines per kind, month and department / 按时办结")
public record DecisionFigures(
        @Schema(required = true, example = "2026-01") String from,
        @Schema(required = true, example = "2026-12") String to,
        @Schema(required = true) OffsetDateTime asOf,
        @Schema(required = true) List<DecisionDeadline> deadlines,
        @Schema(required = true) List<Row> rows) {

    public DecisionFigures {
        deadlines = List.copyOf(deadlines);
        rows = List.copyOf(rows);
    }

    /**
     * One kind's figures in one month, for one department or (department absent) for all.
     *
     * @param decided              decided in the month
     * @param decidedAutomatically of them, decided by the policy at once, without a reviewer (秒批, a policy's denial,
     *                             a result released or rejected automatically)
     * @param medianSecondsToDecide the median time from beginning to decision of those decided; absent when none was
     * @param metDeadline          of those decided, decided before they became overdue
     * @param late                 of those decided, decided once overdue
     * @param openNow              begun in the month and not decided now (在办)
     * @param overdueNow           of those open, overdue now (超期在办)
     */
    @Schema(name = "DecisionFiguresRow", description = "One kind, month and department / 单项月度统计")
    public record Row(
            @Schema(required = true) DecisionKind kind,
            @Schema(required = true, example = "2026-10") String month,
            @Schema(description = "The providing department's code; absent on the total of all departments", example = "dept-transport")
            String department,
            @Schema(description = "The department's name, where the platform knows it", example = "福州市交通运输局")
            String departmentName,
            @Schema(required = true, minimum = "0") long decided,
            @Schema(required = true, minimum = "0") long decidedAutomatically,
            @Schema(minimum = "0") Double medianSecondsToDecide,
            @Schema(required = true, minimum = "0") long metDeadline,
            @Schema(required = true, minimum = "0") long late,
            @Schema(required = true, minimum = "0") long openNow,
            @Schema(required = true, minimum = "0") long overdueNow) {
    }
}
