package io.pdx.contracts.catalog;

import java.time.LocalDate;
import java.util.List;

/**
 * A provider's description of a dataset, as sent to {@code POST /datasets} and
 * {@code PUT /datasets/{id}}. Strings for enumerated fields, so that a wrong value is reported
 * by field name rather than as unreadable JSON.
 *
 * @param provider        the holder department; a provider's own department is taken from its token
 * @param generalSublevel 1–4, only for GENERAL data (GB/T 43697-2024)
 * @param entityColumn    the column that identifies the person or organization each row is about: the unit of
 *                        protection, counted for k and bounded under differential privacy
 * @param lockVersion     on update: the version the editor read (optimistic locking)
 */
public record DatasetDraft(
        String nameZh,
        String nameEn,
        String description,
        String category,
        String grade,
        Integer generalSublevel,
        String provider,
        String providerName,
        String updateFrequency,
        LocalDate timeCoverageStart,
        LocalDate timeCoverageEnd,
        String spatialCoverage,
        Long rowCount,
        List<ColumnSpec> columns,
        String sharingType,
        String sharingCondition,
        String openness,
        String entityColumn,
        Long lockVersion) {
}
