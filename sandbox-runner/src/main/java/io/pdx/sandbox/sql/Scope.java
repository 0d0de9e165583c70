package io.pdx.sandbox.sql;

import io.pdx.contracts.ColumnTag;
import io.pdx.contracts.catalog.ColumnSpec;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static io.pdx.sandbox.sql.Refusal.CLAUSE_NOT_ALLOWED;
import static io.pdx.sandbox.sql.Refusal.COLUMN_AMBIGUOUS;
import static io.pdx.sandbox.sql.Refusal.COLUMN_NOT_LICENSED;
import static io.pdx.sandbox.sql.Refusal.JOIN_NOT_ALLOWED;
import static io.pdx.sandbox.sql.Refusal.SELF_JOIN_NOT_ALLOWED;
import static io.pdx.sandbox.sql.Refusal.TABLE_NOT_LICENSED;

/**
 * The tables of one statement (FROM and JOIN) and the resolution of column references against their
 * licensed columns. Each table is known by its reference: its alias when it has one, else the dataset alias.
 * Resolving rewrites the node to its canonical form, qualified by the reference, so the regenerated SQL
 * names every column unambiguously.
 */
final class Scope {

    /** A licensed column as one table reference of the statement reads it. */
    record SourceColumn(String ref, String name, ColumnSpec spec) {

        ColumnTag tag() {
            return spec.tag();
        }

        /** The column as written in the regenerated SQL, e.g. {@code b.card_id}. */
        String sql() {
            return ref + "." + name;
        }
    }

    private final Map<String, TableSchema> tables;
    private final Map<String, TableSchema> byRef = new LinkedHashMap<>();
    private final Map<String, Set<String>> columnsByAlias = new LinkedHashMap<>();

    /** @param tables the licensed datasets, keyed by lower-case alias */
    Scope(Map<String, TableSchema> tables) {
        this.tables = tables;
    }

    /**
     * Adds a FROM or JOIN table, rewritten in place to the dataset alias and a lower-case reference; returns its
     * reference. A dataset that is already a table of the statement is refused: a self-join lets one entity's rows
     * meet each other, so a group of one entity could pass k.
     */
    String add(Table table) throws StatementRefused {
        TableSchema schema = tables.get(unquote(table.getName()).toLowerCase(Locale.ROOT));
        if (schema == null) {
            throw TABLE_NOT_LICENSED.refused(String.join(", ", licensedAliases()));
        }
        if (byRef.values().stream().anyMatch(known -> known.alias().equals(schema.alias()))) {
            throw SELF_JOIN_NOT_ALLOWED.refused();
        }
        String ref = schema.alias();
        table.setName(schema.alias());
        if (table.getAlias() != null) {
            String alias = unquote(table.getAlias().getName());
            if (!TableSchema.PLAIN_NAME.matcher(alias).matches()) {
                throw CLAUSE_NOT_ALLOWED.refused();
            }
            ref = alias.toLowerCase(Locale.ROOT);
            table.setAlias(new Alias(ref, true));
        }
        if (byRef.putIfAbsent(ref, schema) != null) {
            throw JOIN_NOT_ALLOWED.refused();
        }
        return ref;
    }

    TableSchema table(String ref) {
        return byRef.get(ref);
    }

    /** The statement's tables by reference, in FROM/JOIN order. */
    Map<String, TableSchema> tables() {
        return byRef;
    }

    /** The aliases of the licensed datasets, sorted. */
    java.util.List<String> licensedAliases() {
        return tables.values().stream().map(TableSchema::alias).sorted().toList();
    }

    /**
     * Resolves a column reference to a licensed column and rewrites the node as {@code ref.column}.
     * Unqualified names must match exactly one table of the statement.
     */
    SourceColumn resolve(Column column) throws StatementRefused {
        String wanted = unquote(column.getColumnName());
        List<SourceColumn> matches = new ArrayList<>();
        if (isUnqualified(column)) {
            for (String ref : byRef.keySet()) {
                licensed(ref, wanted, matches);
            }
        } else if (column.getTable().getNameParts().size() == 1) {
            licensed(unquote(column.getTable().getName()).toLowerCase(Locale.ROOT), wanted, matches);
        }
        if (matches.isEmpty()) {
            throw COLUMN_NOT_LICENSED.refused(plainOrQuoted(wanted), String.join(", ", licensedColumns()));
        }
        if (matches.size() > 1) {
            throw COLUMN_AMBIGUOUS.refused(matches.get(0).name());
        }
        SourceColumn source = matches.get(0);
        column.setTable(new Table(source.ref()));
        column.setColumnName(source.name());
        columnsByAlias.computeIfAbsent(byRef.get(source.ref()).alias(), alias -> new LinkedHashSet<>()).add(source.name());
        return source;
    }

    /** Unresolved references to every licensed column of the table {@code ref} (in schema order), or of all tables when null. */
    List<Column> starColumns(String ref) throws StatementRefused {
        if (ref != null && !byRef.containsKey(ref)) {
            throw TABLE_NOT_LICENSED.refused(String.join(", ", licensedAliases()));
        }
        List<Column> columns = new ArrayList<>();
        for (var entry : byRef.entrySet()) {
            if (ref == null || ref.equals(entry.getKey())) {
                entry.getValue().columns().keySet().forEach(name -> columns.add(new Column(new Table(entry.getKey()), name)));
            }
        }
        return columns;
    }

    /** The licensed columns of the statement's tables (of every licensed dataset before FROM is read), sorted. */
    private java.util.List<String> licensedColumns() {
        var schemas = byRef.isEmpty() ? tables.values() : byRef.values();
        return schemas.stream().flatMap(schema -> schema.columns().keySet().stream()).distinct().sorted().toList();
    }

    /** A name the developer wrote, echoed in a refusal only when it is a plain identifier (never arbitrary text). */
    static String plainOrQuoted(String name) {
        return TableSchema.PLAIN_NAME.matcher(name).matches() && name.length() <= 63 ? name : "(?)";
    }

    /** Per dataset alias, the columns resolved so far. */
    Map<String, Set<String>> columnsByAlias() {
        return columnsByAlias;
    }

    static boolean isUnqualified(Column column) {
        return column.getTable() == null || column.getTable().getName() == null;
    }

    /** The name without surrounding double quotes (DuckDB matches identifiers case-insensitively either way). */
    static String unquote(String name) {
        return name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"") ? name.substring(1, name.length() - 1) : name;
    }

    private void licensed(String ref, String wanted, List<SourceColumn> matches) {
        TableSchema schema = byRef.get(ref);
        if (schema == null) {
            return;
        }
        schema.columns().forEach((name, spec) -> {
            if (name.equalsIgnoreCase(wanted)) {
                matches.add(new SourceColumn(ref, name, spec));
            }
        });
    }
}
