package io.pdx.marketplace.sandbox.imports;

import io.pdx.marketplace.problem.ProblemException;

import java.util.UUID;

/** A version whose data has not entered the domain yet has no quality report: 404. */
public final class QualityReportNotFound extends ProblemException {

    public QualityReportNotFound(UUID id) {
        super(404, "quality-report-not-found", "No quality report / 尚无数据质量报告",
                "The data of dataset " + id + " has not entered the domain yet (POST /api/v1/datasets/" + id + "/data).");
    }
}
