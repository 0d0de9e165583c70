package io.pdx.contracts.runner;

import io.pdx.contracts.catalog.UpdateFrequency;

import io.pdx.contracts.catalog.SharingType;

import io.pdx.contracts.catalog.Openness;

import io.pdx.contracts.catalog.ColumnSpec;

import io.pdx.contracts.Grade;

import java.time.LocalDate;
import java.util.List;

/**
 * A dataset as its holder describes it when it is written into the sandbox's data folder:
 * the demo generator writes one per Parquet file into {@code manifest.json}, and
 * marketplace-api registers each in the catalog.
 *
 * @param file         the Parquet file name, relative to the data folder
 * @param entityColumn the column that identifies a person or an entity (k-anonymity counts it)
 */
public record DatasetDescriptor(
        String nameZh,
        String nameEn,
        String description,
        String category,
        Grade grade,
        String provider,
        String providerName,
        String file,
        long rowCount,
        String entityColumn,
        List<ColumnSpec> columns,
        UpdateFrequency updateFrequency,
        LocalDate timeCoverageStart,
        LocalDate timeCoverageEnd,
        String spatialCoverage,
        SharingType sharingType,
        String sharingCondition,
        Openness openness) {
}
