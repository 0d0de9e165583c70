package io.pdx.marketplace.sandbox.runner;

import io.pdx.contracts.policy.PolicyDecision;
import io.pdx.contracts.problem.Problem;
import io.pdx.marketplace.problem.ProblemException;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * sandbox-runner refused a statement or a run (static analysis, a limit, an expired result): its
 * status, code and Chinese and English messages, passed on. The runner never puts a value or SQL
 * in them.
 */
public final class SandboxRefusal extends ProblemException {

    /** sandbox-runner's headers: whether a failed run read data, and its cause (for the bureau). */
    static final String DATA_READ = "PDX-Data-Read";
    static final String CAUSE = "PDX-Failure-Cause";

    private final String code;
    private final boolean dataRead;
    private final String cause;

    public SandboxRefusal(int status, String code, String messageZh, String messageEn) {
        this(status, code, messageZh, messageEn, false, null);
    }

    private SandboxRefusal(int status, String code, String messageZh, String messageEn, boolean dataRead, String cause) {
        super(status, "sandbox/" + code.replace('_', '-'), "Sandbox job refused / 沙箱作业被拒绝",
                messageEn + " / " + messageZh, List.of(), List.of(new PolicyDecision.Reason(code, messageZh, messageEn)));
        this.code = code;
        this.dataRead = dataRead;
        this.cause = cause;
    }

    static SandboxRefusal from(Response response) {
        boolean dataRead = "true".equals(response.getHeaderString(DATA_READ));
        String cause = response.getHeaderString(CAUSE);
        try {
            Problem problem = response.readEntity(Problem.class);
            if (problem != null && !problem.reasons().isEmpty()) {
                PolicyDecision.Reason reason = problem.reasons().get(0);
                return new SandboxRefusal(response.getStatus(), reason.code(), reason.message_zh(), reason.message_en(),
                        dataRead, cause);
            }
        } catch (RuntimeException unreadable) {
            // fall through to the generic refusal
        }
        return new SandboxRefusal(response.getStatus(), "sandbox_refused", "沙箱拒绝了该作业", "The sandbox refused the job",
                dataRead, cause);
    }

    /** Whether the run read data before it failed: its privacy cost stands. */
    public boolean dataRead() {
        return dataRead;
    }

    /** What made the run fail, for the bureau. */
    public String cause() {
        return cause;
    }

    static SandboxRefusal from(int status, byte[] body, com.fasterxml.jackson.databind.ObjectMapper json) {
        try {
            Problem problem = json.readValue(body, Problem.class);
            if (problem != null && !problem.reasons().isEmpty()) {
                PolicyDecision.Reason reason = problem.reasons().get(0);
                return new SandboxRefusal(status, reason.code(), reason.message_zh(), reason.message_en());
            }
        } catch (java.io.IOException | RuntimeException unreadable) {
            // fall through to the generic refusal
        }
        return new SandboxRefusal(status, "sandbox_refused", "沙箱拒绝了该作业", "The sandbox refused the job");
    }

    public String code() {
        return code;
    }
}
