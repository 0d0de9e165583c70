package io.pdx.contracts.tables;

import io.pdx.contracts.catalog.ColumnSpec;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An organization's own table (自有数据) as its organization sees it: never its rows. Its columns as inferred at the
 * upload, then as confirmed (tags, bounds, join keys); the receipt once it was deleted.
 *
 * @param alias    the table name statements use, unique among the organization's tables
 * @param sha256   SHA-256 of the Parquet file kept inside the domain
 * @param receipt  what deleting it removed, recorded in the audit chain; null until it is deleted
 */
@Schema(description = "An organization's own table: metadata only, never its rows / 自有数据表（仅元数据）")
public record TableView(UUID id, String organization, String alias, TableState state, String format, long rowCount, long bytes,
                        String sha256, List<ColumnSpec> columns, String createdBy, OffsetDateTime createdAt,
                        OffsetDateTime confirmedAt, DeletionReceipt receipt) {

    public TableView {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }
}
