package io.pdx.marketplace.problem;

import io.pdx.contracts.problem.Problem;
import io.pdx.policy.client.PolicyUnavailableException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.UUID;

/**
 * The one place marketplace-api turns failures into {@code application/problem+json}. Expected
 * problems say what went wrong; anything unexpected is a 500 with a trace id that points into
 * the log — never a class name, a stack trace, SQL or a data value.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @jakarta.inject.Inject
    AllowedMethods allowedMethods;

    @ServerExceptionMapper
    public Response expected(ProblemException problem, UriInfo uri) {
        return render(problem.toProblem(uri.getPath()));
    }

    @ServerExceptionMapper
    public Response policyUnavailable(PolicyUnavailableException failure, UriInfo uri) {
        LOG.warnf("policy engine unavailable (%s): failing closed", failure.policyPath());
        return problem("policy-unavailable", "Policy engine unavailable / 策略引擎不可用", 503,
                "The policy decision could not be obtained, so the request is refused. Try again later.", uri);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException violations, UriInfo uri) {
        List<Problem.FieldError> errors = violations.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return render(new Problem(Problem.type("invalid-request"), "Invalid request / 请求无效", 400,
                "The request has invalid fields.", uri.getPath(), errors));
    }

    /** A body that is JSON but has a value of the wrong type (a word where a number goes): 400 naming the field. */
    @ServerExceptionMapper
    public Response wrongType(com.fasterxml.jackson.databind.exc.MismatchedInputException failure, UriInfo uri) {
        String field = failure.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                .orElse("body");
        boolean nul = failure instanceof NulFreeText.NulInText;
        return render(new Problem(Problem.type("invalid-request"), "Invalid request / 请求无效", 400,
                nul ? "The request has text with the NUL character." : "The request has a value of the wrong type.", uri.getPath(),
                List.of(new Problem.FieldError(field, nul ? "must not contain the NUL character" : "has the wrong type"))));
    }

    /** A body that is not JSON at all: 400, without echoing it. */
    @ServerExceptionMapper
    public Response malformed(com.fasterxml.jackson.core.JsonParseException failure, UriInfo uri) {
        return problem("invalid-request", "Invalid request / 请求无效", 400, "The request body is not valid JSON.", uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException failure, UriInfo uri) {
        return problem("unauthorized", "Authentication required / 需要登录", 401,
                "A valid access token is required.", uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException failure, UriInfo uri) {
        return problem("unauthorized", "Authentication failed / 认证失败", 401,
                "The access token could not be verified.", uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException failure, UriInfo uri) {
        return problem("forbidden", "Forbidden / 无权访问", 403, "You may not perform this operation.", uri);
    }

    /**
     * No resource method for the request: a 405 with {@code Allow} when the path exists under other methods (the
     * framework answers 404 for a method such as TRACE on some paths), else 404.
     */
    @ServerExceptionMapper
    public Response notFound(NotFoundException failure, UriInfo uri, jakarta.ws.rs.core.Request request) {
        java.util.Set<String> allowed = allowedMethods.of(uri.getPath());
        if (!allowed.isEmpty() && !allowed.contains(request.getMethod())) {
            return notAllowed(new NotAllowedException(failure.getMessage(), request.getMethod(), new String[0]), uri);
        }
        return problem("not-found", "Not found / 未找到", 404, "No such resource.", uri);
    }

    /** A method the path does not have: 405 with the methods it has in {@code Allow}. */
    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException failure, UriInfo uri) {
        return Response.status(405).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.ALLOW, String.join(", ", allowedMethods.of(uri.getPath())))
                .entity(problemOf("method-not-allowed", "Method not allowed / 不支持该请求方法", 405,
                        "This resource does not answer this method; Allow lists the ones it does.", uri))
                .build();
    }

    /** Nothing the resource answers fits the request's {@code Accept}: 406 naming what it does answer. */
    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException failure, UriInfo uri) {
        return problem("not-acceptable", "Not acceptable / 无法提供所请求的格式", 406,
                "None of the media types in Accept is answered here; see the API reference for this operation's media types.", uri);
    }

    /** A body of a media type the operation does not read: 415. */
    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException failure, UriInfo uri) {
        return problem("unsupported-media-type", "Unsupported media type / 不支持的请求格式", 415,
                "The request body's Content-Type is not read here; send application/json.", uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException failure, UriInfo uri) {
        int status = failure.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(failure, uri);
        }
        if (status == 413) {
            return problem("payload-too-large", "Request too large / 请求体过大", 413,
                    "The request body is larger than this API accepts.", uri);
        }
        return problem("bad-request", "Bad request / 请求错误", status,
                "The request could not be processed as sent.", uri);
    }

    @ServerExceptionMapper({jakarta.persistence.OptimisticLockException.class, org.hibernate.StaleStateException.class})
    public Response staleWrite(RuntimeException failure, UriInfo uri) {
        return problem("stale-version", "Changed by someone else / 数据已被他人修改", 409,
                "Another request changed this resource first; reload it and try again.", uri);
    }

    @ServerExceptionMapper
    public Response constraint(org.hibernate.exception.ConstraintViolationException failure, UriInfo uri) {
        // the constraint's name only: never the SQL or the values
        return problem("conflict", "Conflict / 数据冲突", 409,
                "The request conflicts with existing data (" + failure.getConstraintName() + ").", uri);
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable failure, UriInfo uri) {
        if (DatabaseUnreachable.causedBy(failure)) {
            LOG.warnf("database unreachable (%s): answered 503", failure.getClass().getSimpleName());
            return Response.fromResponse(problem("database-unavailable", "Database unavailable / 数据库暂不可用", 503,
                    "The platform's database could not be reached, so the request was not completed. Try again shortly.", uri))
                    .header("Retry-After", "2").build();
        }
        String traceId = UUID.randomUUID().toString();
        LOG.errorf(failure, "unexpected failure, trace id %s", traceId);
        return problem("internal-error", "Internal error / 内部错误", 500,
                "Something went wrong on our side. Trace id: " + traceId, uri);
    }

    private static Response problem(String slug, String title, int status, String detail, UriInfo uri) {
        return render(problemOf(slug, title, status, detail, uri));
    }

    private static Problem problemOf(String slug, String title, int status, String detail, UriInfo uri) {
        return new Problem(Problem.type(slug), title, status, detail, uri.getPath(), List.of());
    }

    private static Response render(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }
}
