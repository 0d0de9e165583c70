package io.pdx.contracts.catalog;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What sandbox-runner found when a registered version's data entered the domain (数据质量报告): aggregates only — the
 * row count, per column its nulls, distinct values and, for a METRIC column with declared bounds, how many values lie
 * outside them (counted, never shown) — and how fresh the data is against its update frequency.
 */
public record QualityReport(
        long rows,
        List<ColumnQuality> columns,
        @Schema(description = "Columns of the file that the registered schema does not have: not imported") List<String> ignoredColumns,
        @Schema(description = "The latest date in the data's DATE or TIMESTAMP columns; absent when it has none") LocalDate latest,
        @Schema(description = "FRESH when the latest date is within two update periods of the import, STALE past it, UNKNOWN without dates or a regular frequency")
        String freshness,
        Long ageDays,
        String sha256,
        long bytes,
        OffsetDateTime importedAt) {

    public QualityReport {
        columns = columns == null ? List.of() : List.copyOf(columns);
        ignoredColumns = ignoredColumns == null ? List.of() : List.copyOf(ignoredColumns);
    }

    /** The same report, stamped with the moment it was recorded. */
    public QualityReport at(OffsetDateTime when) {
        return new QualityReport(rows, columns, ignoredColumns, latest, freshness, ageDays, sha256, bytes, when);
    }

    /** One column's aggregates. */
    public record ColumnQuality(String name, String type, long nulls, long distinct,
                                @Schema(description = "Values outside the declared bounds (METRIC columns with bounds)") Long outOfBounds,
                                BigDecimal lower, BigDecimal upper) {
    }
}
