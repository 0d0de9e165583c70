package io.pdx.sandbox.engine.results;

import com.fasterxml.jackson.core.JsonGenerator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.util.Text;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;

/** Writes rows of Arrow record batches as JSON objects (the preview and the JSON form of a delivery). */
public final class ArrowJson {

    private ArrowJson() {
    }

    /** Writes rows {@code [from, to)} of the batch as objects keyed by column name. */
    public static void writeRows(VectorSchemaRoot batch, int from, int to, JsonGenerator json) throws IOException {
        for (int row = from; row < to; row++) {
            json.writeStartObject();
            for (FieldVector vector : batch.getFieldVectors()) {
                json.writeFieldName(vector.getName());
                writeValue(vector.isNull(row) ? null : vector.getObject(row), json);
            }
            json.writeEndObject();
        }
    }

    private static void writeValue(Object value, JsonGenerator json) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Text text) {
            json.writeString(text.toString());
        } else if (value instanceof Long number) {
            json.writeNumber(number);
        } else if (value instanceof Integer number) {
            json.writeNumber(number);
        } else if (value instanceof Short number) {
            json.writeNumber(number);
        } else if (value instanceof Byte number) {
            json.writeNumber(number);
        } else if (value instanceof Double number) {
            json.writeNumber(number);
        } else if (value instanceof Float number) {
            json.writeNumber(number);
        } else if (value instanceof BigDecimal number) {
            json.writeNumber(number);
        } else if (value instanceof Boolean flag) {
            json.writeBoolean(flag);
        } else if (value instanceof TemporalAccessor time) {
            json.writeString(time.toString());
        } else {
            json.writeString(value.toString());
        }
    }
}
