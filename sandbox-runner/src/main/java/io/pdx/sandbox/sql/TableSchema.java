package io.pdx.sandbox.sql;

import io.pdx.contracts.Grade;
import io.pdx.contracts.catalog.ColumnSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A licensed dataset as the statement guard sees it.
 *
 * @param alias        the name statements use for the dataset, e.g. {@code bus_card_swipes}
 * @param grade        its data grade
 * @param entityColumn the person or entity id column, e.g. {@code card_id}; the privacy unit, counted for k
 * @param columns      only the licensed columns (with tag, type, bounds and join key), by name, in schema order
 */
public record TableSchema(String alias, Grade grade, String entityColumn, LinkedHashMap<String, ColumnSpec> columns) {

    /** Names the guard writes into regenerated SQL without quoting. */
    static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public TableSchema {
        Objects.requireNonNull(grade, "grade");
        requirePlain(alias);
        if (entityColumn != null) { // an organization's own table has none: k is counted on the public data it joins
            requirePlain(entityColumn);
        }
        columns.keySet().forEach(TableSchema::requirePlain);
        columns.values().forEach(column -> Objects.requireNonNull(column.tag(), "tag"));
        columns = new LinkedHashMap<>(columns);
    }

    /** The schema of {@code columns}, keyed by name. */
    public static TableSchema of(String alias, Grade grade, String entityColumn, List<ColumnSpec> columns) {
        LinkedHashMap<String, ColumnSpec> byName = new LinkedHashMap<>();
        columns.forEach(column -> byName.put(column.name(), column));
        return new TableSchema(alias, grade, entityColumn, byName);
    }

    private static void requirePlain(String name) {
        if (name == null || !PLAIN_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain SQL name: " + name);
        }
    }
}
