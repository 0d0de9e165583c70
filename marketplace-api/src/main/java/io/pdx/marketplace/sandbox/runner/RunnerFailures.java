package io.pdx.marketplace.sandbox.runner;

import io.pdx.contracts.policy.PolicyDecision;
import io.pdx.contracts.problem.Problem;
import io.pdx.marketplace.problem.ProblemException;

import java.net.ConnectException;
import java.util.List;

/**
 * How a run that did not finish ends, from what went wrong. Only two things prove that it read no data: the
 * runner said so (it refused the statement before executing it), or it could not be reached at all. Everything
 * else may have read data: the charge stands, and the requester sees one failure whatever the cause.
 */
public final class RunnerFailures {

    public static final String RUN_FAILED = "run_failed";

    private RunnerFailures() {
    }

    public static boolean readNoData(Throwable failure) {
        if (failure instanceof SandboxRefusal refusal) {
            return !refusal.dataRead();
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    /** What the job's failure says: the runner's own refusal, or the one failure of a run that may have read data. */
    public static Problem problemFor(Throwable failure) {
        if (failure instanceof SandboxRefusal refusal && !refusal.dataRead()) {
            return refusal.toProblem(null);
        }
        if (failure instanceof ProblemException expected && !(failure instanceof SandboxUnavailable)) {
            return expected.toProblem(null);
        }
        if (readNoData(failure)) {
            return problem("sandbox_unavailable", 503, "沙箱不可用，作业未运行，已退还隐私预算",
                    "The sandbox was not available; the job did not run and its privacy budget was given back");
        }
        return problem(RUN_FAILED, 422, "查询在读取数据后未能完成；已计入隐私预算",
                "The query did not complete after it read data; its privacy budget stays spent");
    }

    /** A job's failure as problem+json with its reason code and messages. */
    public static Problem problem(String code, int status, String zh, String en) {
        return new Problem(Problem.type("sandbox/" + code.replace('_', '-')), "Sandbox job failed / 沙箱作业失败", status,
                en + " / " + zh, null, null, List.of(new PolicyDecision.Reason(code, zh, en)));
    }

    /** The cause, for the bureau: the runner's, or the kind of failure. */
    public static String cause(Throwable failure) {
        if (failure instanceof SandboxRefusal refusal) {
            return refusal.cause() != null ? refusal.cause() : refusal.code();
        }
        if (failure instanceof ProblemException problem) {
            List<PolicyDecision.Reason> reasons = problem.toProblem(null).reasons();
            return reasons.isEmpty() ? problem.getClass().getSimpleName() : reasons.get(0).code();
        }
        return readNoData(failure) ? "runner_unreachable" : "runner_connection_lost";
    }
}
