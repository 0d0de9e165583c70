package io.pdx.marketplace.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pdx.contracts.catalog.DatasetPage;
import io.pdx.contracts.catalog.DatasetSummary;
import io.pdx.contracts.catalog.RegistrationStatus;
import io.pdx.contracts.policy.Subject;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Catalog search in PostgreSQL: visibility (from the policy's view), keyword terms (a GIN index
 * of character pairs, for Chinese and English alike), filters, sort and page, and facet counts over the same rows in one
 * GROUPING SETS query. Nothing is filtered in memory; one WHERE clause serves items and facets.
 */
@ApplicationScoped
public class CatalogSearch {

    static final List<String> FACETS = List.of("grade", "category", "provider", "openness");

    private final Pool pool;
    private final SearchCache cache;
    private final ObjectMapper json;

    public CatalogSearch(Pool pool, SearchCache cache, ObjectMapper json) {
        this.pool = pool;
        this.cache = cache;
        this.json = json;
    }

    /** One page of a search with its JSON, from the cache when the same search was just made. */
    public Uni<RenderedPage> search(CatalogQuery query, CatalogView view, Subject subject) {
        return cache.page(SearchCache.pageKey(query, view, subject.department()),
                () -> query(query, view, subject).map(page -> RenderedPage.of(page, json)));
    }

    private Uni<DatasetPage> query(CatalogQuery query, CatalogView view, Subject subject) {
        Where where = where(query, view, subject);
        String items = "SELECT " + DatasetRows.COLUMNS + " FROM dataset d " + where.sql
                + " ORDER BY " + query.sortColumn() + (query.descending() ? " DESC" : " ASC") + ", d.id"
                + " LIMIT " + query.size() + " OFFSET " + ((long) query.page() * query.size());
        String facets = "SELECT d.grade, d.category, d.provider, d.openness, count(*) AS n FROM dataset d " + where.sql
                + " GROUP BY GROUPING SETS ((d.grade), (d.category), (d.provider), (d.openness), ())";
        return pool.preparedQuery(items).execute(where.args).flatMap(itemRows -> {
            List<DatasetSummary> summaries = new ArrayList<>();
            itemRows.forEach(row -> summaries.add(DatasetRows.toSummary(row)));
            return cache.counts(SearchCache.key(query, view, subject.department()),
                            () -> pool.preparedQuery(facets).execute(where.args).map(CatalogSearch::counts))
                    .map(counts -> new DatasetPage(summaries, counts.total(), query.page(), query.size(), counts.facets()));
        });
    }

    private static SearchCache.Counts counts(RowSet<Row> facetRows) {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        FACETS.forEach(facet -> counts.put(facet, new LinkedHashMap<>()));
        long total = 0;
        for (Row row : facetRows) {
            String facet = FACETS.stream().filter(name -> row.getValue(name) != null).findFirst().orElse(null);
            if (facet == null) {
                total = row.getLong("n");
            } else {
                counts.get(facet).put(row.getString(facet), row.getLong("n"));
            }
        }
        return new SearchCache.Counts(total, counts);
    }

    private record Where(String sql, Tuple args) {
    }

    private static Where where(CatalogQuery query, CatalogView view, Subject subject) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("WHERE ((");
        sql.append("(d.status = 'REGISTERED' OR ").append(arg(args, view.allStatusesVisible())).append(')');
        sql.append(" AND d.grade = ANY(").append(arg(args, view.visibleGrades().stream().map(Enum::name).toArray(String[]::new))).append("))");
        sql.append(" OR (").append(arg(args, view.ownDepartmentVisible())).append(" AND d.provider = ")
                .append(arg(args, subject.department() == null ? "" : subject.department())).append("))");
        if (query.status() == null) {
            sql.append(" AND d.status <> '").append(RegistrationStatus.SUPERSEDED.name()).append('\'');
        } else {
            sql.append(" AND d.status = ").append(arg(args, query.status().name()));
        }
        for (String term : query.terms()) {
            String[] bigrams = bigrams(term);
            if (bigrams.length > 0) {
                sql.append(" AND d.search_bigrams @> ").append(arg(args, bigrams));
            }
            sql.append(" AND d.search_text LIKE ").append(arg(args, "%" + escapeLike(term) + "%"));
        }
        if (query.category() != null) {
            // a first-level code (经济) matches its second-level codes (经济/市场监管)
            String placeholder = arg(args, query.category());
            sql.append(" AND (d.category = ").append(placeholder).append(" OR d.category LIKE ")
                    .append(arg(args, escapeLike(query.category()) + "/%")).append(')');
        }
        if (query.grade() != null) {
            sql.append(" AND d.grade = ").append(arg(args, query.grade().name()));
        }
        if (query.provider() != null) {
            sql.append(" AND d.provider = ").append(arg(args, query.provider()));
        }
        if (query.openness() != null) {
            sql.append(" AND d.openness = ").append(arg(args, query.openness().name()));
        }
        return new Where(sql.toString(), Tuple.from(args));
    }

    private static String arg(List<Object> args, Object value) {
        args.add(value);
        return "$" + args.size();
    }

    /** The pairs of adjacent characters of a keyword, as {@code pdx_bigrams} makes them in the database. */
    static String[] bigrams(String term) {
        int[] codePoints = term.codePoints().toArray();
        java.util.Set<String> pairs = new java.util.LinkedHashSet<>();
        for (int i = 0; i + 1 < codePoints.length; i++) {
            pairs.add(new String(codePoints, i, 2));
        }
        return pairs.toArray(String[]::new);
    }

    /** LIKE treats % and _ as wildcards; a keyword means them literally (backslash is the default escape). */
    static String escapeLike(String term) {
        return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
