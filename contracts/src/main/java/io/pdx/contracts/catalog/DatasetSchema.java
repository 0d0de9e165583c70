package io.pdx.contracts.catalog;

import java.util.List;

/** A dataset's schema: its columns, each with the tag its controls follow. */
public record DatasetSchema(List<ColumnSpec> columns) {

    public DatasetSchema {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }
}
