package io.pdx.marketplace.sandbox;

import io.pdx.contracts.runner.ResultFormat;
import io.pdx.marketplace.problem.InvalidParameter;

/** The {@code format} parameter of a result or a delivery: arrow (the default), parquet or json (CSV is open data's only); anything else is a 400 naming them. */
final class ResultFormats {

    private ResultFormats() {
    }

    static ResultFormat of(String parameter) {
        return ResultFormat.of(parameter).filter(format -> format != ResultFormat.CSV)
                .orElseThrow(() -> new InvalidParameter("format", "must be one of arrow, parquet, json"));
    }
}
