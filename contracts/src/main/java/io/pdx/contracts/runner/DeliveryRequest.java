package io.pdx.contracts.runner;

import java.util.List;

/**
 * sandbox-runner {@code POST /internal/v1/deliveries}: stream the given columns of a GENERAL dataset (IDENTIFIER
 * columns are never among them) — a DELIVERY license's licensed columns, or the columns asked for of an open
 * (开放) dataset.
 *
 * @param limit   at most this many rows; null for all
 * @param filters rows kept: every filter holds (column equals value); empty for all rows. Each names one of
 *                {@code dataset.columns()}, its value text the column's type reads (checked by marketplace-api)
 */
public record DeliveryRequest(SandboxDataset dataset, Long limit, List<EqualityFilter> filters) {

    public DeliveryRequest {
        filters = filters == null ? List.of() : List.copyOf(filters);
    }

    public DeliveryRequest(SandboxDataset dataset, Long limit) {
        this(dataset, limit, List.of());
    }

    /** {@code column = value}, the value as text that the column's declared SQL type reads. */
    public record EqualityFilter(String column, String value) {
    }
}
