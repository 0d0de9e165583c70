package io.pdx.contracts.catalog;

import io.pdx.contracts.Grade;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A catalog entry as the API shows it. */
public record DatasetSummary(
        UUID id,
        UUID lineageId,
        int datasetVersion,
        String nameZh,
        String nameEn,
        String description,
        String category,
        Grade grade,
        Integer generalSublevel,
        String provider,
        String providerName,
        UpdateFrequency updateFrequency,
        LocalDate timeCoverageStart,
        LocalDate timeCoverageEnd,
        String spatialCoverage,
        long rowCount,
        List<ColumnSpec> columns,
        SharingType sharingType,
        String sharingCondition,
        Openness openness,
        RegistrationStatus status,
        String certificateNo,
        List<String> returnReasons,
        long lockVersion,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}
