package io.pdx.marketplace.catalog;

import io.pdx.marketplace.problem.ProblemException;

import java.util.UUID;

/** No entry with that id — or one the caller may not see: both answer 404 so that existence does not leak. */
public final class DatasetNotFound extends ProblemException {

    public DatasetNotFound(UUID id) {
        super(404, "dataset-not-found", "Dataset not found / 数据集不存在",
                "No dataset " + id + " is visible to you.");
    }
}
