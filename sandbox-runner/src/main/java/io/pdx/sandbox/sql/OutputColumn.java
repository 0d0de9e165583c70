package io.pdx.sandbox.sql;

import io.pdx.contracts.ColumnTag;

/**
 * One output column of a guarded statement, as the release policy reads it.
 *
 * @param name      the output name (the explicit alias in the regenerated SQL)
 * @param tag       strictest tag among the source columns it reads; null when it reads none ({@code count(*)})
 * @param use       {@code SELECT} (row-level), {@code GROUP_BY} (a group key) or {@code AGGREGATE}
 * @param aggregate {@code COUNT}, {@code COUNT_DISTINCT}, {@code SUM}, {@code AVG}, {@code MIN}, {@code MAX} or null
 */
public record OutputColumn(String name, ColumnTag tag, String use, String aggregate) {
}
