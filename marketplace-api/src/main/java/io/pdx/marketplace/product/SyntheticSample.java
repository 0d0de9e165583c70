package io.pdx.marketplace.product;

import io.pdx.contracts.ColumnTag;
import io.pdx.contracts.catalog.ColumnSpec;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sample rows for a product description (说明书), made up from each column's type alone: no data
 * file is ever read, so no real value can reach the sample. Identifier columns get values that
 * are plainly placeholders.
 */
final class SyntheticSample {

    static final int ROWS = 3;
    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);

    private SyntheticSample() {
    }

    static List<Map<String, Object>> rows(List<ColumnSpec> columns) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int n = 1; n <= ROWS; n++) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (ColumnSpec column : columns) {
                row.put(column.name(), value(column, n));
            }
            rows.add(row);
        }
        return rows;
    }

    private static Object value(ColumnSpec column, int n) {
        String type = column.type() == null ? "VARCHAR" : column.type();
        return switch (type) {
            case "INTEGER", "BIGINT" -> n * 10;
            case "DOUBLE", "DECIMAL" -> n * 12.5;
            case "BOOLEAN" -> n % 2 == 1;
            case "DATE" -> FIRST_DAY.plusDays(n - 1).toString();
            case "TIMESTAMP" -> FIRST_DAY.plusDays(n - 1) + "T08:00:00+08:00";
            default -> column.tag() == ColumnTag.IDENTIFIER
                    ? "SYNTHETIC-ID-" + String.format("%04d", n)
                    : "示例 sample " + n;
        };
    }
}
