package io.pdx.marketplace.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientResponse;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestMulti;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Streams bodies from sandbox-runner to the caller without holding them: a stored result (Arrow
 * IPC or its JSON preview) or a delivery. Status and content type come from the runner; a refusal
 * of the runner arrives before any byte and becomes the caller's problem+json.
 */
@ApplicationScoped
public class RunnerStreams {

    private final HttpClient client;
    private final URI base;
    private final String bearer;
    private final ObjectMapper json;

    public RunnerStreams(Vertx vertx, @ConfigProperty(name = "quarkus.rest-client.sandbox.url") URI base,
                         @ConfigProperty(name = "pdx.sandbox.secret") java.util.Optional<String> secret, ObjectMapper json) {
        this.client = vertx.createHttpClient();
        this.base = base;
        this.bearer = "Bearer " + secret.orElse("");
        this.json = json;
    }

    /** Opens a runner response; fails with the runner's refusal when it is not 200. */
    public Uni<HttpClientResponse> open(HttpMethod method, String path, Object body) {
        RequestOptions options = new RequestOptions().setMethod(method).setHost(base.getHost()).setPort(base.getPort())
                .setURI(path).putHeader(HttpHeaders.AUTHORIZATION, bearer);
        return client.request(options)
                .flatMap(request -> {
                    if (body == null) {
                        return request.send();
                    }
                    request.putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
                    try {
                        return request.send(Buffer.buffer(json.writeValueAsBytes(body)));
                    } catch (com.fasterxml.jackson.core.JsonProcessingException unwritable) {
                        return Uni.createFrom().failure(unwritable);
                    }
                })
                .onFailure(failure -> !(failure instanceof SandboxRefusal))
                .transform(failure -> new SandboxUnavailable(failure.getClass().getSimpleName()))
                .flatMap(response -> response.statusCode() == 200 ? Uni.createFrom().item(response.pause())
                        : response.body().map(error -> refusal(response.statusCode(), error)));
    }

    /**
     * Reads from the runner gathered into one write to the caller: the response writes one item at a
     * time and waits for each, so a 55 MB delivery relayed read by read cost ~150-300 ms more than the
     * runner's own answer; gathered, ~100 ms.
     */
    static final int READS_PER_WRITE = 32;

    /** The response body as the caller's response, with the runner's content type. */
    public RestMulti<Buffer> relay(Uni<HttpClientResponse> response) {
        return RestMulti.fromUniResponse(response,
                opened -> opened.toMulti().group().intoLists().of(READS_PER_WRITE).map(RunnerStreams::joined),
                opened -> Map.of(HttpHeaders.CONTENT_TYPE, List.of(opened.getHeader(HttpHeaders.CONTENT_TYPE))),
                opened -> 200);
    }

    private static Buffer joined(List<Buffer> reads) {
        if (reads.size() == 1) {
            return reads.get(0);
        }
        Buffer joined = Buffer.buffer(reads.stream().mapToInt(Buffer::length).sum());
        reads.forEach(joined::appendBuffer);
        return joined;
    }

    private HttpClientResponse refusal(int status, Buffer error) {
        if (status == 401 || status >= 500) {
            throw new SandboxUnavailable("sandbox-runner answered " + status);
        }
        throw SandboxRefusal.from(status, error.getBytes(), json);
    }

    @PreDestroy
    void close() {
        client.closeAndForget();
    }
}
