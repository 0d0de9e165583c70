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
 * A statement the guard accepted. What runs is {@link #sql()} (or {@link #sqlWithHiddenColumns()}),
 * regenerated from the validated tree, never the developer's text.
 *
 * @param sql                  regenerated SQL; every output has an explicit double-quoted alias
 * @param columnsByAlias       per dataset alias, the columns the statement references (any clause)
 * @param output               the output columns, in order
 * @param aggregate            true when the statement has aggregates or a GROUP BY
 * @param entitySql            when aggregate, the FROM table's entity column as qualified in {@code sql}; else null
 * @param sqlWithHiddenColumns when aggregate, {@code sql} with two trailing items
 *                             {@code count(DISTINCT <entitySql>) AS "__pdx_entities"} and
 *                             {@code count(*) AS "__pdx_rows"}, then, where the grade adds noise, for
 *                             each SUM or AVG output {@code max(abs(<argument>)) AS "__pdx_bound_<name>"};
 *                             else equal to {@code sql}
 * @param sqlWithRowCount      the same without {@code __pdx_entities} (for runs that bound distinct
 *                             entities from the row count); else equal to {@code sql}
 * @param joined               true when the statement joins tables
 */
public record GuardedStatement(
        String sql,
        Map<String, Set<String>> columnsByAlias,
        List<OutputColumn> output,
        boolean aggregate,
        String entitySql,
        String sqlWithHiddenColumns,
        String sqlWithRowCount,
        boolean joined) {

    public GuardedStatement {
        var columns = new LinkedHashMap<String, Set<String>>();
        columnsByAlias.forEach((alias, names) -> columns.put(alias, unmodifiableSet(new LinkedHashSet<>(names))));
        columnsByAlias = unmodifiableMap(columns);
        output = List.copyOf(output);
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
