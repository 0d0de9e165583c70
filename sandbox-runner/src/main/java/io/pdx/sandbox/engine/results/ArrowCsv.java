package io.pdx.sandbox.engine.results;

import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes Arrow record batches as RFC 4180 CSV: a header row of the column names, then one line per row, CRLF line
 * ends, a field quoted when it holds a comma, a quote or a line break, a null as an empty field. The values are
 * written as their text: the delivery query casts every column to VARCHAR so that DuckDB's own text forms (ISO dates
 * and timestamps) are what a CSV reader sees.
 */
public final class ArrowCsv {

    private ArrowCsv() {
    }

    public static void writeHeader(VectorSchemaRoot batch, Writer out) throws IOException {
        boolean first = true;
        for (FieldVector vector : batch.getFieldVectors()) {
            if (!first) {
                out.write(',');
            }
            out.write(field(vector.getName()));
            first = false;
        }
        out.write("\r\n");
    }

    public static void writeRows(VectorSchemaRoot batch, Writer out) throws IOException {
        for (int row = 0; row < batch.getRowCount(); row++) {
            boolean first = true;
            for (FieldVector vector : batch.getFieldVectors()) {
                if (!first) {
                    out.write(',');
                }
                if (!vector.isNull(row)) {
                    out.write(field(vector.getObject(row).toString()));
                }
                first = false;
            }
            out.write("\r\n");
        }
    }

    static String field(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
