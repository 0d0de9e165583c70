package io.pdx.contracts.runner;

import io.pdx.contracts.catalog.ColumnSpec;

import java.util.List;

/**
 * What sandbox-runner checks a registered version's data against when it enters the domain: the registered columns
 * (name, type, declared bounds) and the update frequency the freshness is judged by.
 */
public record DatasetImport(List<ColumnSpec> columns, String updateFrequency) {

    public DatasetImport {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }
}
