package io.pdx.sandbox.sql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Collections.unmodifiableMap;
import static java.util.Collections.unmodifiableSet;

/**
 * A statement the guard accepted. {@link #sql()} is the canonical statement regenerated from the
 * validated tree (what the developer and the reviewer read, and what is hashed); what runs is one of
 * the executable forms below, made from the same tree, never the developer's text. In every
 * executable form each expression that reads a value is wrapped so that it cannot fail on a value
 * ({@code TRY(...)}): whether a run succeeds never depends on the data.
 *
 * @param sql                   canonical regenerated SQL; every output has an explicit double-quoted alias
 * @param columnsByAlias        per dataset alias, the columns the statement references (any clause)
 * @param output                the output columns, in order
 * @param aggregate             true when the statement has aggregates or a GROUP BY
 * @param tables                the datasets the statement reads, by reference, in FROM/JOIN order
 * @param executableSql         aggregate: with the hidden columns {@code __pdx_entities_<i>} (distinct entities of
 *                              the i-th table per group), {@code __pdx_rows} and {@code __pdx_entity_hashes_<i>} (the
 *                              distinct 64-bit hashes of the i-th table's entities per group, for the differencing
 *                              check); row-level: with the hidden column
 *                              {@code __pdx_entity_<i>} (the i-th table's entity of each row)
 * @param executableWithRowCount aggregate over one table: {@code __pdx_rows} only, for runs that bound distinct
 *                              entities from the row count; else equal to {@code executableSql}
 * @param shape                 aggregate: the statement taken apart for differentially private execution; else null
 * @param costUnits             units of work per row the cost model counted (one per expression node, one per
 *                              pattern character): with the tables' sizes it fixes the job's slot
 * @param joinColumnsByAlias    per dataset alias, the columns its ON conditions compare (the key each table is joined on)
 */
public record GuardedStatement(
        String sql,
        Map<String, Set<String>> columnsByAlias,
        List<OutputColumn> output,
        boolean aggregate,
        List<TableRef> tables,
        String executableSql,
        String executableWithRowCount,
        AggregateShape shape,
        long costUnits,
        Map<String, Set<String>> joinColumnsByAlias) {

    /** One table of the statement: its reference in the SQL, its dataset alias and its entity column. */
    public record TableRef(String ref, String alias, String entityColumn) {
    }

    /** The tables whose entities are counted (k, the differencing check): the public datasets, not own tables. */
    public List<TableRef> countedTables() {
        return tables.stream().filter(table -> table.entityColumn() != null).toList();
    }

    public GuardedStatement {
        var columns = new LinkedHashMap<String, Set<String>>();
        columnsByAlias.forEach((alias, names) -> columns.put(alias, unmodifiableSet(new LinkedHashSet<>(names))));
        columnsByAlias = unmodifiableMap(columns);
        var keys = new LinkedHashMap<String, Set<String>>();
        joinColumnsByAlias.forEach((alias, names) -> keys.put(alias, unmodifiableSet(new LinkedHashSet<>(names))));
        joinColumnsByAlias = unmodifiableMap(keys);
        output = List.copyOf(output);
        tables = List.copyOf(tables);
    }

    /** Whether the statement joins tables. */
    public boolean joined() {
        return tables.size() > 1;
    }

    /** Lowercase hex SHA-256 of {@link #sql()} (UTF-8). */
    public String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sql.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", missing);
        }
    }
}
