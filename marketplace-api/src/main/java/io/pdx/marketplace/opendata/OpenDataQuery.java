package io.pdx.marketplace.opendata;

import io.pdx.contracts.ColumnTag;
import io.pdx.contracts.catalog.ColumnSpec;
import io.pdx.contracts.catalog.DatasetSchema;
import io.pdx.contracts.problem.Problem;
import io.pdx.contracts.runner.DeliveryRequest.EqualityFilter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an open-data download asks of a dataset, checked against its declared schema: the columns
 * ({@code columns=a,b}; none: every column), and equality filters ({@code filter=column:value}, repeated; all hold).
 * Only declared columns that are not IDENTIFIER columns are served (identifiers never leave the domain). A column
 * the schema does not offer, a filter on a column not selected, or a value its column's type does not read is a
 * 400 naming the parameter.
 */
record OpenDataQuery(List<ColumnSpec> columns, List<EqualityFilter> filters) {

    static final int MAX_FILTERS = 5;
    static final int MAX_VALUE_LENGTH = 100;

    static OpenDataQuery parse(DatasetSchema schema, String columnsParameter, List<String> filterParameters) {
        Map<String, ColumnSpec> offered = new LinkedHashMap<>();
        List<String> identifiers = new ArrayList<>();
        schema.columns().forEach(column -> {
            if (column.tag() == ColumnTag.IDENTIFIER) {
                identifiers.add(column.name());
            } else {
                offered.put(column.name(), column);
            }
        });
        List<Problem.FieldError> errors = new ArrayList<>();
        List<ColumnSpec> columns = new ArrayList<>();
        if (columnsParameter == null || columnsParameter.isBlank()) {
            columns.addAll(offered.values());
        } else {
            for (String name : columnsParameter.split(",", -1)) {
                String column = name.strip();
                Optional<String> unknown = unknown(column, offered, identifiers);
                if (unknown.isPresent()) {
                    errors.add(new Problem.FieldError("columns", unknown.get()));
                } else if (columns.stream().noneMatch(spec -> spec.name().equals(column))) {
                    columns.add(offered.get(column));
                }
            }
        }
        List<String> filterTexts = filterParameters == null ? List.of() : filterParameters;
        if (filterTexts.size() > MAX_FILTERS) {
            errors.add(new Problem.FieldError("filter", "at most " + MAX_FILTERS + " filters"));
        }
        List<EqualityFilter> filters = new ArrayList<>();
        for (String text : filterTexts) {
            int colon = text == null ? -1 : text.indexOf(':');
            if (colon < 0) {
                errors.add(new Problem.FieldError("filter", "must be column:value"));
                continue;
            }
            String column = text.substring(0, colon).strip();
            String value = text.substring(colon + 1);
            Optional<String> unknown = unknown(column, offered, identifiers);
            if (unknown.isPresent()) {
                errors.add(new Problem.FieldError("filter", unknown.get()));
            } else if (columns.stream().noneMatch(spec -> spec.name().equals(column))) {
                errors.add(new Problem.FieldError("filter", "filters a column that is not selected: " + column));
            } else if (value.length() > MAX_VALUE_LENGTH) {
                errors.add(new Problem.FieldError("filter", "a value of at most " + MAX_VALUE_LENGTH + " characters"));
            } else if (!readable(offered.get(column).type(), value)) {
                errors.add(new Problem.FieldError("filter", "not a value of " + column + "'s type "
                        + offered.get(column).type()));
            } else {
                filters.add(new EqualityFilter(column, value));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidOpenDataQuery(errors);
        }
        return new OpenDataQuery(List.copyOf(columns), List.copyOf(filters));
    }

    private static Optional<String> unknown(String column, Map<String, ColumnSpec> offered, List<String> identifiers) {
        if (identifiers.contains(column)) {
            return Optional.of("an identifier column is never served: " + column);
        }
        return offered.containsKey(column) ? Optional.empty() : Optional.of("not a column of the dataset: " + column);
    }

    /** Whether the declared SQL type reads the value, as the runner's {@code TRY_CAST} will. */
    static boolean readable(String type, String value) {
        try {
            switch (type == null ? "VARCHAR" : type) {
                case "INTEGER", "BIGINT" -> Long.parseLong(value.strip());
                case "DOUBLE", "DECIMAL" -> new BigDecimal(value.strip());
                case "BOOLEAN" -> {
                    if (!value.strip().equalsIgnoreCase("true") && !value.strip().equalsIgnoreCase("false")) {
                        return false;
                    }
                }
                case "DATE" -> LocalDate.parse(value.strip());
                case "TIMESTAMP" -> LocalDateTime.parse(value.strip().replace(' ', 'T'));
                default -> {
                    return value.indexOf('\u0000') < 0;
                }
            }
            return true;
        } catch (NumberFormatException | DateTimeParseException unreadable) {
            return false;
        }
    }
}
