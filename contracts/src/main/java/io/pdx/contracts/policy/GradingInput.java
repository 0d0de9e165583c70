package io.pdx.contracts.policy;

import java.util.List;

/**
 * What the grade proposal ({@code data.pdx.grading.proposal}) reads of a draft.
 *
 * @param category  the category code; null when not chosen yet
 * @param row_count the expected number of records (0 when unknown)
 * @param columns   every column with its tag
 */
public record GradingInput(String category, long row_count, List<Column> columns) {

    public GradingInput {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    /** A column's name and tag ({@code IDENTIFIER}, {@code QUASI_IDENTIFIER}, {@code SENSITIVE}, …). */
    public record Column(String name, String tag) {
    }
}
