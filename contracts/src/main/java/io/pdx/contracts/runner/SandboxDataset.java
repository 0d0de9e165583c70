package io.pdx.contracts.runner;

import io.pdx.contracts.Grade;
import io.pdx.contracts.catalog.ColumnSpec;

import java.util.List;

/**
 * A licensed dataset as marketplace-api hands it to sandbox-runner: the alias the SQL names it by
 * (its Parquet file's name without {@code .parquet}), its grade, the column that identifies a person
 * or entity (k counts it), only the licensed columns with their tags, and its lineage: the id of the dataset's first
 * version, which the differencing check keys an organization's released entity sets by (null: by the alias).
 * An organization's own table ({@code table}: its id) has no grade, no entity column and no lineage: its alias is the
 * name the organization gave it, its file the one sandbox-runner stored at its upload, read only by that organization's
 * jobs.
 */
public record SandboxDataset(String alias, Grade grade, String entityColumn, List<ColumnSpec> columns, String lineage,
                             String table) {

    public SandboxDataset {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    public SandboxDataset(String alias, Grade grade, String entityColumn, List<ColumnSpec> columns, String lineage) {
        this(alias, grade, entityColumn, columns, lineage, null);
    }

    public SandboxDataset(String alias, Grade grade, String entityColumn, List<ColumnSpec> columns) {
        this(alias, grade, entityColumn, columns, null, null);
    }

    /** An organization's own uploaded table. */
    public static SandboxDataset ownTable(String alias, List<ColumnSpec> columns, String table) {
        return new SandboxDataset(alias, null, null, columns, null, table);
    }

    /** Whether this is an organization's own table rather than public data. */
    public boolean owned() {
        return table != null;
    }

    /** What the differencing check keys this dataset's released entity sets by: its lineage, else its alias. */
    public String differencingKey() {
        return lineage != null && !lineage.isBlank() ? lineage : alias;
    }
}
