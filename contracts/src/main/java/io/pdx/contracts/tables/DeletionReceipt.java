package io.pdx.contracts.tables;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What deleting an own table removed (删除回执): the file kept inside the domain (its SHA-256 and size) and every stored
 * result derived from it; recorded as the detail of the {@code table.delete} event of the audit chain.
 */
public record DeletionReceipt(UUID tableId, String alias, String sha256, long bytes, long rowCount, List<UUID> resultsDeleted,
                              OffsetDateTime deletedAt, String deletedBy) {

    public DeletionReceipt {
        resultsDeleted = resultsDeleted == null ? List.of() : List.copyOf(resultsDeleted);
    }
}
