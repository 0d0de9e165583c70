package io.pdx.sandbox.engine.results;

import io.pdx.sandbox.engine.RunFailure;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pdx.contracts.runner.RunSummary;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.types.pojo.Field;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.UUID;

/** Reads stored results back: the Arrow stream as it is, or a JSON preview of its first rows. */
@ApplicationScoped
public class ResultReading {

    private final ResultStore results;
    private final ArrowAllocation arrow;
    private final ObjectMapper json;

    public ResultReading(ResultStore results, ArrowAllocation arrow, ObjectMapper json) {
        this.results = results;
        this.arrow = arrow;
        this.json = json;
    }

    public RunSummary summary(UUID job) throws RunFailure, IOException {
        return results.summary(job).orElseThrow(RunFailure::notFound);
    }

    public InputStream arrowStream(UUID job) throws RunFailure, IOException {
        summary(job);
        return results.open(job);
    }

    /** {@code {"columns": [{name, type}], "rows": [...], "rowCount": n, "previewRows": m, "metadata": {...}}}. */
    public void preview(UUID job, int maxRows, OutputStream out) throws RunFailure, IOException {
        RunSummary summary = summary(job);
        try (BufferAllocator allocator = arrow.child("preview-" + job, 256L * 1024 * 1024);
             InputStream in = results.open(job);
             ArrowStreamReader reader = new ArrowStreamReader(in, allocator);
             JsonGenerator generator = json.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            VectorSchemaRoot batch = reader.getVectorSchemaRoot();
            generator.writeStartObject();
            generator.writeArrayFieldStart("columns");
            for (Field field : batch.getSchema().getFields()) {
                generator.writeStartObject();
                generator.writeStringField("name", field.getName());
                generator.writeStringField("type", field.getType().toString());
                generator.writeEndObject();
            }
            generator.writeEndArray();
            generator.writeArrayFieldStart("rows");
            int written = 0;
            while (written < maxRows && reader.loadNextBatch()) {
                int take = Math.min(batch.getRowCount(), maxRows - written);
                ArrowJson.writeRows(batch, 0, take, generator);
                written += take;
            }
            generator.writeEndArray();
            generator.writeNumberField("rowCount", summary.rowCount());
            generator.writeNumberField("previewRows", written);
            generator.writeObjectFieldStart("metadata");
            for (var entry : batch.getSchema().getCustomMetadata().entrySet()) {
                generator.writeStringField(entry.getKey(), entry.getValue());
            }
            generator.writeEndObject();
            generator.writeEndObject();
        }
    }
}
