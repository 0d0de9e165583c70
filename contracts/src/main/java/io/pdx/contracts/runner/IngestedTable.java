package io.pdx.contracts.runner;

import io.pdx.contracts.catalog.ColumnSpec;

import java.util.List;

/**
 * What sandbox-runner stored of an organization's uploaded table (inside the domain, never served back as rows): the
 * SHA-256 of the Parquet file it keeps, its size, its rows and the columns it inferred (names made plain identifiers,
 * DuckDB types, no tags yet).
 */
public record IngestedTable(String sha256, long bytes, long rowCount, List<ColumnSpec> columns) {

    public IngestedTable {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }
}
