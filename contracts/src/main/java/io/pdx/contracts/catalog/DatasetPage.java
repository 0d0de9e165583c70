package io.pdx.contracts.catalog;

import java.util.List;
import java.util.Map;

/**
 * One page of catalog entries. {@code total} and the facet counts count only what the caller may
 * see under the same query and filters: facet name ({@code grade}, {@code category},
 * {@code provider}, {@code openness}) → value → count.
 */
public record DatasetPage(List<DatasetSummary> items, long total, int page, int size,
                          Map<String, Map<String, Long>> facets) {
}
