package io.pdx.marketplace.efficiency;

import io.pdx.contracts.efficiency.DecisionDeadline;
import io.pdx.contracts.efficiency.DecisionFigures;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The decision figures as an Excel workbook (fastexcel, streaming OOXML): the sheet 按时办结 Figures holds the table of
 * {@link DecisionTable} with numeric cells, the sheet 时限 Deadlines every kind's deadline and its basis. Cells are
 * values, never formulas.
 */
final class DecisionsXlsx {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String FIGURES_SHEET = "按时办结 Figures";
    static final String DEADLINES_SHEET = "时限 Deadlines";

    private DecisionsXlsx() {
    }

    static byte[] write(DecisionFigures figures) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "PDX", "1.0");
            Worksheet sheet = workbook.newWorksheet(FIGURES_SHEET);
            List<DecisionTable.Column> columns = DecisionTable.COLUMNS;
            for (int c = 0; c < columns.size(); c++) {
                sheet.value(0, c, columns.get(c).header());
                sheet.style(0, c).bold().set();
            }
            int r = 1;
            for (DecisionTable.Line line : DecisionTable.lines(figures)) {
                for (int c = 0; c < columns.size(); c++) {
                    Object value = columns.get(c).value().apply(line);
                    if (value instanceof Number number) {
                        sheet.value(r, c, number);
                    } else if (value != null) {
                        sheet.value(r, c, value.toString());
                    }
                }
                r++;
            }
            Worksheet deadlines = workbook.newWorksheet(DEADLINES_SHEET);
            for (int c = 0; c < DecisionTable.DEADLINE_HEADERS.size(); c++) {
                deadlines.value(0, c, DecisionTable.DEADLINE_HEADERS.get(c));
                deadlines.style(0, c).bold().set();
            }
            int d = 1;
            for (DecisionDeadline deadline : figures.deadlines()) {
                List<String> cells = DecisionTable.deadlineCells(deadline);
                for (int c = 0; c < cells.size(); c++) {
                    deadlines.value(d, c, cells.get(c));
                }
                d++;
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
