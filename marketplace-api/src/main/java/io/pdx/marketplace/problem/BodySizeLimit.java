package io.pdx.marketplace.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pdx.contracts.problem.Problem;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/**
 * A request body larger than the API reads ({@code pdx.api.max-body-bytes}: every request of this API is a small JSON
 * document) is a 413 problem, whatever its size. The check runs on the HTTP router before Quarkus's own cap
 * ({@code quarkus.http.limits.max-body-size}, which answers an empty 413 and closes the connection), as soon as the
 * stated {@code Content-Length} is known. The body is then read and discarded, up to
 * {@code pdx.api.max-drained-body-bytes}, before the answer is sent: a client that sends its whole body at once
 * (most do) would otherwise see its connection reset while still writing, never the problem. A body beyond that is
 * answered at once and the connection closed. The exceptions are an upload of an organization's own table
 * ({@code POST /api/v1/tables}) and of a registered version's data ({@code POST /api/v1/datasets/{id}/data}), streamed to the domain under the policy's quota (the HTTP layer's cap is set for it);
 * every other request that sends a body without stating its length is refused the same way (it could otherwise be as
 * large as that cap).
 */
@ApplicationScoped
public class BodySizeLimit {

    private final long maxBytes;
    private final long maxDrainedBytes;
    private final ObjectMapper json;

    public BodySizeLimit(@ConfigProperty(name = "pdx.api.max-body-bytes") long maxBytes,
                         @ConfigProperty(name = "pdx.api.max-drained-body-bytes", defaultValue = "33554432") long maxDrainedBytes,
                         ObjectMapper json) {
        this.maxBytes = maxBytes;
        this.maxDrainedBytes = maxDrainedBytes;
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::check);
    }

    /** The routes whose body is a file, streamed (their own limits are the policy's): own tables, a dataset's data. */
    static boolean upload(HttpServerRequest request) {
        return request.method() == io.vertx.core.http.HttpMethod.POST && ("/api/v1/tables".equals(request.path())
                || request.path() != null && request.path().matches("/api/v1/datasets/[0-9a-fA-F-]{36}/data"));
    }

    void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (upload(request)) {
            context.next();
            return;
        }
        long bytes = statedLength(request.getHeader(HttpHeaders.CONTENT_LENGTH));
        if (bytes < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            answer(context, problem(-1, request.path()), true);
            return;
        }
        if (bytes <= maxBytes) {
            context.next();
            return;
        }
        byte[] problem = problem(bytes, request.path());
        if (bytes > maxDrainedBytes) {
            answer(context, problem, true);
            return;
        }
        long[] drained = {0};
        request.handler(chunk -> drained[0] += chunk.length());
        request.exceptionHandler(failure -> request.connection().close());
        request.endHandler(ended -> answer(context, problem, false));
        request.resume();
    }

    private void answer(RoutingContext context, byte[] problem, boolean close) {
        if (context.response().ended()) {
            return;
        }
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(problem.length));
        if (close) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close")
                    .endHandler(sent -> context.request().connection().close());
        }
        context.response().end(io.vertx.core.buffer.Buffer.buffer(problem));
    }

    /** The stated length, or -1 when there is none or it does not parse (the HTTP layer answers a malformed one). */
    static long statedLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException malformed) {
            return -1;
        }
    }

    private byte[] problem(long bytes, String path) {
        try {
            return json.writeValueAsBytes(new Problem(Problem.type("payload-too-large"), "Request too large / 请求体过大", 413,
                    bytes < 0 ? "The request body states no length; this API reads bodies of a stated length, at most " + maxBytes + " bytes."
                            : "The request body has " + bytes + " bytes; this API reads at most " + maxBytes + ".", path, List.of()));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
