package io.pdx.marketplace.catalog;

import io.pdx.contracts.Grade;
import io.pdx.contracts.catalog.Openness;
import io.pdx.contracts.catalog.RegistrationStatus;
import io.pdx.marketplace.paging.PageRequest;
import io.pdx.marketplace.problem.EnumParameter;
import io.pdx.marketplace.problem.InvalidParameter;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A catalog search as the caller asked for it, checked: keyword terms, filters, sort and page.
 * Values outside their domain are 400 problems naming the parameter.
 */
public record CatalogQuery(List<String> terms, String category, Grade grade, String provider, Openness openness,
                           RegistrationStatus status, String sortColumn, boolean descending, int page, int size) {

    static final int MAX_QUERY_LENGTH = 100;
    static final int MAX_PAGE_SIZE = 200;
    static final int DEFAULT_PAGE_SIZE = 20;
    /** API sort keys → columns. */
    static final Map<String, String> SORTS = Map.of(
            "name", "d.name_zh",
            "nameEn", "d.name_en",
            "updatedAt", "d.updated_at",
            "rowCount", "d.row_count",
            "grade", "d.grade");

    public static CatalogQuery parse(String q, String category, String grade, String provider, String openness,
                                     String status, String sort, String page, String size) {
        if (q != null && q.length() > MAX_QUERY_LENGTH) {
            throw new InvalidParameter("q", "at most " + MAX_QUERY_LENGTH + " characters");
        }
        PageRequest paging = PageRequest.of(page, size, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        String sortKey = sort == null ? "name" : sort.strip();
        boolean descending = sortKey.startsWith("-");
        String column = SORTS.get(descending ? sortKey.substring(1) : sortKey);
        if (column == null) {
            throw new InvalidParameter("sort", "one of " + SORTS.keySet().stream().sorted().toList()
                    + ", with '-' before it for descending order");
        }
        List<String> terms = q == null ? List.of() : Arrays.stream(q.trim().toLowerCase(Locale.ROOT).split("\\s+"))
                .filter(term -> !term.isEmpty()).distinct().toList();
        return new CatalogQuery(terms, blankToNull(category), parse(Grade.class, "grade", grade), blankToNull(provider),
                parse(Openness.class, "openness", openness), parse(RegistrationStatus.class, "status", status),
                column, descending, paging.page(), paging.size());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        return EnumParameter.parse(field, value, type);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
