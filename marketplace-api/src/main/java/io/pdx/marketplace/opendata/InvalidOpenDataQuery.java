package io.pdx.marketplace.opendata;

import io.pdx.contracts.problem.Problem;
import io.pdx.marketplace.problem.ProblemException;

import java.util.List;

/** An open-data download whose columns or filters the dataset's schema does not offer: 422 (a rule beyond the request's schema), each error naming its parameter. */
public final class InvalidOpenDataQuery extends ProblemException {

    InvalidOpenDataQuery(List<Problem.FieldError> errors) {
        super(422, "invalid-request", "Invalid request / 请求无效",
                "The columns or filters are not the dataset's declared columns / 所选字段或筛选条件不是该数据集声明的字段", errors);
    }
}
