package io.pdx.marketplace.sandbox.runner;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pdx.contracts.runner.Analysis;
import io.pdx.contracts.runner.AnalysisRequest;
import io.pdx.contracts.runner.DeliveryRequest;
import io.pdx.contracts.runner.ResultFormat;
import io.pdx.contracts.runner.RunRequest;
import io.pdx.contracts.runner.RunSummary;
import io.pdx.contracts.tracing.RequestId;
import io.pdx.marketplace.observability.CurrentRequestId;
import io.pdx.marketplace.problem.ProblemException;
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
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestMulti;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The one client of sandbox-runner in marketplace-api: the shared secret, the mapping of its answers (a
 * refusal of the runner, with whether a failed run read data, becomes a {@link SandboxRefusal}; no runner, a
 * {@link SandboxUnavailable}), and both transports — JSON calls through the REST client, and streamed bodies
 * (stored results, deliveries) relayed to the caller without being held. Every call carries the request id of the
 * work it is made for ({@link RequestId#HEADER}), so that the runner's log lines join the caller's.
 */
@ApplicationScoped
public class SandboxRunner {

    /**
     * Reads from the runner gathered into one write to the caller: the response writes one item at a time and
     * waits for each, so a 55 MB delivery relayed read by read cost ~150-300 ms more than the runner's own answer;
     * gathered, ~100 ms.
     */
    static final int READS_PER_WRITE = 32;

    private final SandboxRunnerApi api;
    private final HttpClient client;
    private final URI base;
    private final String bearer;
    private final ObjectMapper json;

    public SandboxRunner(@RestClient SandboxRunnerApi api, Vertx vertx,
                         @ConfigProperty(name = "quarkus.rest-client.sandbox.url") URI base,
                         @ConfigProperty(name = "pdx.sandbox.secret") Optional<String> secret, ObjectMapper json) {
        this.api = api;
        this.client = vertx.createHttpClient();
        this.base = base;
        this.bearer = "Bearer " + secret.orElse("");
        this.json = json;
    }

    /** Static analysis of a statement (no data read). */
    public Uni<Analysis> analyse(AnalysisRequest request) {
        return api.analyse(request).onFailure(failure -> !(failure instanceof ProblemException))
                .transform(failure -> new SandboxUnavailable(failure.getClass().getSimpleName()));
    }

    /** Runs an admitted job; its failure keeps what the runner said of it (see {@link RunnerFailures}). */
    public Uni<RunSummary> run(UUID job, RunRequest request) {
        return api.run(job, request);
    }

    /** The summary of a stored result. */
    public Uni<RunSummary> summary(UUID job) {
        return api.summary(job);
    }

    /** A stored result: the Arrow stream, the same as one Parquet file, or its JSON preview of at most {@code previewRows} rows. */
    public Uni<HttpClientResponse> result(UUID owner, ResultFormat format, int previewRows) {
        return open(HttpMethod.GET, "/internal/v1/jobs/" + owner + switch (format) {
            case ARROW -> "/result";
            case PARQUET -> "/result?format=parquet";
            case JSON -> "/preview?rows=" + previewRows;
            case CSV -> throw new IllegalArgumentException("a stored result is not read as CSV");
        }, null);
    }

    /** A delivery's rows (a DELIVERY license's, or an open dataset's), as Arrow, Parquet, JSON or CSV. */
    public Uni<HttpClientResponse> delivery(DeliveryRequest request, ResultFormat format) {
        return open(HttpMethod.POST, "/internal/v1/deliveries?format=" + format.parameter(), request);
    }

    /** Opens a runner response; fails with the runner's refusal when it is not 200. */
    private Uni<HttpClientResponse> open(HttpMethod method, String path, Object body) {
        RequestOptions options = new RequestOptions().setMethod(method).setHost(base.getHost()).setPort(base.getPort())
                .setURI(path).putHeader(HttpHeaders.AUTHORIZATION, bearer)
                .putHeader(RequestId.HEADER, CurrentRequestId.orFresh());
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

    /** A runner response relayed as the caller's response, with the runner's content type. */
    public RestMulti<Buffer> relay(Uni<HttpClientResponse> response) {
        return relayDownload(response.map(opened -> new Download(opened, null)));
    }

    /** A runner response and the file name the caller saves it under (null: none). */
    public record Download(HttpClientResponse response, String fileName) {
    }

    /**
     * A runner response relayed as the caller's response, with the runner's content type and, with a file name, a
     * {@code Content-Disposition} naming the file a browser or {@code curl -OJ} saves.
     */
    public RestMulti<Buffer> relayDownload(Uni<Download> download) {
        return RestMulti.fromUniResponse(download,
                opened -> opened.response().toMulti().group().intoLists().of(READS_PER_WRITE).map(SandboxRunner::joined),
                opened -> opened.fileName() == null
                        ? Map.of(HttpHeaders.CONTENT_TYPE, List.of(opened.response().getHeader(HttpHeaders.CONTENT_TYPE)))
                        : Map.of(HttpHeaders.CONTENT_TYPE, List.of(opened.response().getHeader(HttpHeaders.CONTENT_TYPE)),
                        "Content-Disposition", List.of("attachment; filename=\"" + opened.fileName() + "\"")),
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
