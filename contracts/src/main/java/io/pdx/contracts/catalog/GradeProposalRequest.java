package io.pdx.contracts.catalog;

import io.pdx.contracts.ColumnTag;
import io.pdx.contracts.Text;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * What a provider drafting a dataset knows so far, for the grade the policy proposes: its category, its expected row
 * count and its columns' tags (names for the reasons). Nothing is stored.
 */
public record GradeProposalRequest(
        @Schema(maxLength = 100, pattern = Text.NOT_BLANK, description = "The category code, e.g. 交通/公共交通") String category,
        @Schema(minimum = "0", maximum = "1000000000000", description = "The expected number of records (a number: an estimate)") Double rowCount,
        @Schema(required = true, type = SchemaType.ARRAY, minItems = 1, maxItems = MAX_COLUMNS, implementation = Column.class)
        List<Column> columns) {

    public static final int MAX_COLUMNS = 500;

    /** A column's name and tag. */
    public record Column(@Schema(required = true, maxLength = 128, pattern = Text.NOT_BLANK) String name,
                         @Schema(required = true) ColumnTag tag) {
    }
}
