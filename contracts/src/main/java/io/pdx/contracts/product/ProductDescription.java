package io.pdx.contracts.product;

import io.pdx.contracts.catalog.ColumnSpec;
import io.pdx.contracts.catalog.UpdateFrequency;

import java.util.List;
import java.util.Map;

/**
 * 数据产品说明书: what a product is for, how fresh and how good its data is, its columns, and a few
 * sample rows. The sample is made from synthetic values by column type; it never holds real data.
 *
 * @param scenarios       application scenarios (应用场景)
 * @param updateFrequency the dataset's update frequency
 * @param qualityNotes    data quality statement (质量说明)
 * @param columns         the dataset's columns with their tags
 * @param syntheticSample sample rows, column name → synthetic value
 */
public record ProductDescription(
        List<String> scenarios,
        UpdateFrequency updateFrequency,
        String qualityNotes,
        List<ColumnSpec> columns,
        List<Map<String, Object>> syntheticSample) {

    public ProductDescription {
        scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
        columns = columns == null ? List.of() : List.copyOf(columns);
        syntheticSample = syntheticSample == null ? List.of() : List.copyOf(syntheticSample);
    }
}
