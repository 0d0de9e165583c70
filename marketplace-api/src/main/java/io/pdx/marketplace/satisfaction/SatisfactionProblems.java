package io.pdx.marketplace.satisfaction;

import io.pdx.contracts.problem.Problem.FieldError;
import io.pdx.contracts.satisfaction.ServiceEventKind;
import io.pdx.marketplace.problem.FieldCheck;
import io.pdx.marketplace.problem.ProblemException;

import java.util.List;
import java.util.UUID;

/** The expected failures of 好差评: ratings, complaints and their cases. */
final class SatisfactionProblems {

    private SatisfactionProblems() {
    }

    /** 400 when the request breaks its schema, else 422 (a rule beyond it). */
    static final class InvalidRequest extends ProblemException {
        InvalidRequest(String what, FieldCheck check) {
            super(check.status(), "invalid-request", "Invalid request / 请求无效",
                    check.errors().size() + " field(s) of the " + what + " are invalid / " + check.errors().size() + " 个字段无效.",
                    check.errors());
        }
    }

    /** No such event, or one the caller was not served by: 404 alike. */
    static final class EventNotFound extends ProblemException {
        EventNotFound(ServiceEventKind kind, UUID id) {
            super(404, "event-not-found", "Service event not found / 服务事项不存在",
                    "No " + kind + " event " + id + " that you were served by / 无您可评价的该服务事项.",
                    List.of(new FieldError("eventId", "no such event of yours")));
        }
    }

    static final class EventNotRateable extends ProblemException {
        EventNotRateable(ServiceEventKind kind) {
            super(409, "event-not-rateable", "Not decided yet / 服务事项尚未办结",
                    "This " + kind + " event is not decided yet; it can be rated or complained about once it is / 办结后方可评价或投诉.");
        }
    }

    static final class RatingExists extends ProblemException {
        RatingExists() {
            super(409, "rating-exists", "Already rated / 已评价",
                    "You have rated this service event already; one rating per person and event / 每人每个服务事项限评价一次.");
        }
    }

    /** No such case, or one the caller may not read: 404 alike. */
    static final class CaseNotFound extends ProblemException {
        CaseNotFound(UUID id) {
            super(404, "case-not-found", "Case not found / 工单不存在", "No case " + id + " is visible to you / 无此工单.");
        }
    }

    /** No such rating, or another person's: 404 alike. */
    static final class RatingNotFound extends ProblemException {
        RatingNotFound(UUID id) {
            super(404, "rating-not-found", "Rating not found / 评价不存在", "No rating " + id + " is visible to you / 无此评价.");
        }
    }
}
