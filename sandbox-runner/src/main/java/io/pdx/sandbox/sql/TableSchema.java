package io.pdx.sandbox.sql;

import io.pdx.contracts.ColumnTag;
import io.pdx.contracts.Grade;

import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A licensed dataset as the statement guard sees it.
 *
 * @param alias        the name statements use for the dataset, e.g. {@code bus_card_swipes}
 * @param grade        its data grade
 * @param entityColumn the person or entity id column, e.g. {@code card_id}; counted for k-anonymity
 * @param columns      only the licensed columns, with their tags, in schema order
 */
public record TableSchema(String alias, Grade grade, String entityColumn, LinkedHashMap<String, ColumnTag> columns) {

    /** Names the guard writes into regenerated SQL without quoting. */
    static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public TableSchema {
        Objects.requireNonNull(grade, "grade");
        requirePlain(alias);
        requirePlain(entityColumn);
        columns.keySet().forEach(TableSchema::requirePlain);
        columns.values().forEach(tag -> Objects.requireNonNull(tag, "tag"));
        columns = new LinkedHashMap<>(columns);
    }

    private static void requirePlain(String name) {
        if (name == null || !PLAIN_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain SQL name: " + name);
        }
    }
}
