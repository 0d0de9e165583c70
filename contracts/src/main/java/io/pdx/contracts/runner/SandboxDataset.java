package io.pdx.contracts.runner;

import io.pdx.contracts.Grade;
import io.pdx.contracts.catalog.ColumnSpec;

import java.util.List;

/**
 * A licensed dataset as marketplace-api hands it to sandbox-runner: the alias the SQL names it by
 * (its Parquet file's name without {@code .parquet}), its grade, the column that identifies a person
 * or entity (k counts it), and only the licensed columns with their tags.
 */
public record SandboxDataset(String alias, Grade grade, String entityColumn, List<ColumnSpec> columns) {

    public SandboxDataset {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }
}
