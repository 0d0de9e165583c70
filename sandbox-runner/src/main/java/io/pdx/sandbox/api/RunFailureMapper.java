package io.pdx.sandbox.api;

import io.pdx.contracts.policy.PolicyDecision;
import io.pdx.contracts.problem.Problem;
import io.pdx.sandbox.engine.RunFailure;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/** A refused or failed job as problem+json, its code and messages as a reason; never a value or SQL. */
public class RunFailureMapper {

    /** Whether the failed run read data (its ε stays charged). */
    public static final String DATA_READ = "PDX-Data-Read";
    /** The failure's cause, for the bureau; the body names only the code the requester may see. */
    public static final String CAUSE = "PDX-Failure-Cause";

    @ServerExceptionMapper
    public Response failure(RunFailure failure, UriInfo uri) {
        return Response.status(failure.status()).type(Problem.MEDIA_TYPE)
                .header(DATA_READ, Boolean.toString(failure.dataRead()))
                .header(CAUSE, failure.cause())
                .entity(new Problem(Problem.type("sandbox/" + failure.code().replace('_', '-')),
                        "Sandbox job refused / 沙箱作业被拒绝", failure.status(),
                        failure.messageEn() + " / " + failure.messageZh(), uri.getPath(), null,
                        List.of(new PolicyDecision.Reason(failure.code(), failure.messageZh(), failure.messageEn()))))
                .build();
    }
}
