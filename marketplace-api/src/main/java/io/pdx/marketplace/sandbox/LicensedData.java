package io.pdx.marketplace.sandbox;

import io.pdx.contracts.ColumnTag;
import io.pdx.contracts.catalog.ColumnSpec;
import io.pdx.contracts.runner.SandboxDataset;
import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.licensing.License;

import java.util.List;

/** What a license lets the sandbox read of its dataset: the alias and only the licensed columns. */
public final class LicensedData {

    private static final String PARQUET = ".parquet";

    private LicensedData() {
    }

    /** The dataset as the sandbox sees it under this license; 409 when it has no data in the sandbox. */
    public static SandboxDataset of(License license, Dataset dataset) {
        if (dataset.dataFile == null || !dataset.dataFile.endsWith(PARQUET)) {
            throw new JobProblems.NoSandboxData(dataset.id);
        }
        String alias = dataset.dataFile.substring(0, dataset.dataFile.length() - PARQUET.length());
        List<ColumnSpec> columns = dataset.schema.columns().stream()
                .filter(column -> license.columns.columns().contains(column.name()))
                .toList();
        return new SandboxDataset(alias, dataset.grade, dataset.entityColumn, columns,
                (dataset.lineageId == null ? dataset.id : dataset.lineageId).toString());
    }

    /** For a DELIVERY: the licensed columns without any IDENTIFIER (identifiers never leave). */
    static SandboxDataset forDelivery(License license, Dataset dataset) {
        SandboxDataset licensed = of(license, dataset);
        return new SandboxDataset(licensed.alias(), licensed.grade(), licensed.entityColumn(),
                licensed.columns().stream().filter(column -> column.tag() != ColumnTag.IDENTIFIER).toList(), licensed.lineage());
    }
}
