package io.pdx.marketplace.sandbox.tables;

import io.pdx.marketplace.problem.ProblemException;

import java.util.List;
import java.util.UUID;

/** The problems of own tables, each a problem+json with its status. */
public final class TableProblems {

    private TableProblems() {
    }

    /** No such table, or another organization's: 404 either way. */
    public static final class TableNotFound extends ProblemException {
        public TableNotFound(UUID id) {
            super(404, "not-found", "Not found / 未找到", "Table " + id + " not found.");
        }
    }

    /** The organization already has a table of that name. */
    static final class AliasTaken extends ProblemException {
        AliasTaken(String alias) {
            super(409, "tables/alias-taken", "Table name taken / 表名已被使用",
                    "Your organization already has a table named " + alias + ". / 本机构已有同名数据表。");
        }
    }

    /** Over the organization's quota (bytes or tables), from the policy data. */
    static final class QuotaExceeded extends ProblemException {
        QuotaExceeded(String limit, long allowed, long wanted) {
            super(413, "tables/quota-exceeded", "Quota exceeded / 超出配额",
                    "Your organization's " + limit + " would be " + wanted + ", over its quota of " + allowed + ". / 超出本机构配额。");
        }
    }

    /** A confirmation that does not fit the inferred columns: 400/422 naming each field. */
    static final class InvalidConfirmation extends ProblemException {
        InvalidConfirmation(io.pdx.marketplace.problem.FieldCheck check) {
            super(check.status(), "invalid-request", "Invalid request / 请求无效", "The confirmation has invalid fields.",
                    check.errors());
        }
    }

    /** An upload request that is not one: 400/422 naming each field. */
    static final class InvalidUpload extends ProblemException {
        InvalidUpload(io.pdx.marketplace.problem.FieldCheck check) {
            super(check.status(), "invalid-request", "Invalid request / 请求无效", "The upload has invalid fields.", check.errors());
        }
    }

    /** A table that is not CONFIRMED cannot be read by a job. */
    public static final class TableNotConfirmed extends ProblemException {
        public TableNotConfirmed(UUID id) {
            super(409, "tables/not-confirmed", "Table not confirmed / 数据表尚未确认",
                    "Table " + id + " has no confirmed columns yet: POST /api/v1/tables/" + id + "/confirm first. / 请先确认列标签。",
                    List.of(), List.of());
        }
    }
}
