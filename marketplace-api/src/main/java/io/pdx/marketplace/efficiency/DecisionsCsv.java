package io.pdx.marketplace.efficiency;

import io.pdx.contracts.efficiency.DecisionFigures;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The decision figures as CSV (RFC 4180: commas, CRLF, fields quoted where they hold a comma, a quote or a line break)
 * in UTF-8 with a byte order mark, so that Excel reads the Chinese headers. A text cell that a spreadsheet would take
 * for a formula (=, +, -, @) is prefixed with an apostrophe.
 */
final class DecisionsCsv {

    static final String MEDIA_TYPE = "text/csv";
    static final String BOM = "\uFEFF";

    private DecisionsCsv() {
    }

    static byte[] write(DecisionFigures figures) {
        StringBuilder csv = new StringBuilder(BOM);
        line(csv, DecisionTable.COLUMNS.stream().map(DecisionTable.Column::header).map(header -> (Object) header).toList());
        for (DecisionTable.Line line : DecisionTable.lines(figures)) {
            line(csv, DecisionTable.COLUMNS.stream().map(column -> column.value().apply(line)).toList());
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder csv, List<Object> cells) {
        csv.append(cells.stream().map(DecisionsCsv::cell).collect(Collectors.joining(","))).append("\r\n");
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double number) {
            return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Number number) {
            return number.toString();
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
