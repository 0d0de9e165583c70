package io.pdx.contracts.catalog;

import java.util.List;

/** One page of catalog entries, counting only what the caller may see. */
public record DatasetPage(List<DatasetSummary> items, long total, int page, int size) {
}
