package io.pdx.marketplace.efficiency;

import io.pdx.contracts.efficiency.DecisionDeadline;
import io.pdx.contracts.efficiency.DecisionFigures;

import java.util.List;
import java.util.function.Function;

/**
 * The decision figures as one table for outside evaluators, the same in CSV and XLSX: a header in Chinese and English,
 * then one line per kind, month and department ({@code 全部 / all} for the total of a kind's month). Numbers stay
 * numbers (XLSX cells are numeric); a median that does not exist is an empty cell.
 */
final class DecisionTable {

    /** A column: its header and how a line fills it (a {@link String} or a {@link Number}, null for empty). */
    record Column(String header, Function<Line, Object> value) {
    }

    /** A row with its kind's deadline beside it. */
    record Line(DecisionFigures.Row row, DecisionDeadline deadline) {
    }

    static final String ALL_DEPARTMENTS = "全部 / all";

    static final List<Column> COLUMNS = List.of(
            new Column("事项 / Kind", line -> line.row().kind().name()),
            new Column("名称 / Name", line -> line.deadline().labelZh() + " / " + line.deadline().labelEn()),
            new Column("月份 / Month", line -> line.row().month()),
            new Column("部门 / Department", line -> line.row().department() == null ? ALL_DEPARTMENTS : line.row().department()),
            new Column("部门名称 / Department name", line -> line.row().departmentName()),
            new Column("时限 / Deadline", line -> deadline(line.deadline())),
            new Column("办结 / Decided", line -> line.row().decided()),
            new Column("自动办结（秒批） / Decided automatically", line -> line.row().decidedAutomatically()),
            new Column("办理时长中位数（秒） / Median seconds to decide", line -> line.row().medianSecondsToDecide()),
            new Column("按时办结 / Met deadline", line -> line.row().metDeadline()),
            new Column("超时办结 / Late", line -> line.row().late()),
            new Column("在办 / Open now", line -> line.row().openNow()),
            new Column("超期在办 / Overdue now", line -> line.row().overdueNow()));

    /** The deadlines themselves, for the XLSX's second sheet. */
    static final List<String> DEADLINE_HEADERS = List.of("事项 / Kind", "名称 / Name", "时限 / Deadline",
            "数据来源 / Policy data key", "依据 / Basis", "Basis (English)");

    private DecisionTable() {
    }

    static List<Line> lines(DecisionFigures figures) {
        return figures.rows().stream().map(row -> new Line(row, figures.deadlines().stream()
                .filter(deadline -> deadline.kind() == row.kind()).findFirst().orElseThrow())).toList();
    }

    static String deadline(DecisionDeadline deadline) {
        return switch (deadline.unit()) {
            case HOURS -> deadline.amount() + " 小时 / hours";
            case WORKING_DAYS -> deadline.amount() + " 个工作日 / working days";
        };
    }

    static List<String> deadlineCells(DecisionDeadline deadline) {
        return List.of(deadline.kind().name(), deadline.labelZh() + " / " + deadline.labelEn(), deadline(deadline),
                deadline.source(), deadline.basisZh(), deadline.basisEn());
    }

    /** The file's name: the kind of figures and the months, e.g. {@code pdx-decisions-2026-01_2026-12.csv}. */
    static String fileName(DecisionFigures figures, String extension) {
        return "pdx-decisions-" + figures.from() + "_" + figures.to() + "." + extension;
    }
}
