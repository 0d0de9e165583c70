package io.pdx.contracts.sandbox;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * A released result as JSON ({@code GET /api/v1/sandbox/jobs/{id}/result?format=json}): its first rows with the
 * result's columns and the Arrow schema's metadata (grade, noise, ε, k). sandbox-runner streams it in this shape.
 *
 * @param rowCount    the rows of the whole result
 * @param previewRows the rows given here, at most the preview's limit
 */
@Schema(description = "A released result's first rows (a JSON preview); the whole result is the Arrow stream.")
public record ResultPreview(
        @Schema(required = true) List<Column> columns,
        @Schema(required = true, description = "One object per row, column name → value") List<Map<String, Object>> rows,
        @Schema(required = true, minimum = "0") long rowCount,
        @Schema(required = true, minimum = "0") int previewRows,
        @Schema(required = true, description = "The Arrow schema's metadata: pdx.grade, pdx.noise, pdx.epsilon, pdx.k, …")
        Map<String, String> metadata) {

    /** @param type the Arrow type, e.g. {@code Utf8} or {@code Int(64, true)} */
    @Schema(name = "ResultColumn")
    public record Column(@Schema(required = true) String name, @Schema(required = true) String type) {
    }
}
