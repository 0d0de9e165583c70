package io.pdx.contracts.catalog;

import io.pdx.contracts.Grade;

import java.util.List;
import java.util.UUID;

/** A catalog entry as the API lists it. */
public record DatasetSummary(
        UUID id,
        String nameZh,
        String nameEn,
        String description,
        String category,
        Grade grade,
        String provider,
        String providerName,
        long rowCount,
        List<ColumnSpec> columns) {
}
