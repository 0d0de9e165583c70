package io.pdx.marketplace.opendata;

import io.pdx.marketplace.problem.ProblemException;

import java.util.UUID;

/** An open dataset whose rows are not (yet) in the domain's Parquet store: 409, nothing to download. */
public final class NoOpenData extends ProblemException {

    NoOpenData(UUID dataset) {
        super(409, "open-data/no-data", "No data to download / 暂无可下载的数据",
                "Open dataset " + dataset + " has no data in the domain yet.");
    }
}
