package io.pdx.marketplace.sandbox.runner;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pdx.contracts.runner.DeletedTable;
import io.pdx.contracts.runner.IngestedTable;
import io.pdx.marketplace.observability.CurrentRequestId;
import io.pdx.contracts.tracing.RequestId;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * sandbox-runner's store of organizations' own tables and of registered versions' data, called from a worker thread: an
 * upload is streamed from the caller's request body to the runner as it arrives (never held here), a deletion answers
 * what it removed. Blocking.
 */
@ApplicationScoped
public class RunnerTables {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String bearer;
    private final ObjectMapper json;

    public RunnerTables(@ConfigProperty(name = "quarkus.rest-client.sandbox.url") URI base,
                        @ConfigProperty(name = "pdx.sandbox.secret") Optional<String> secret, ObjectMapper json) {
        this.base = base;
        this.bearer = "Bearer " + secret.orElse("");
        this.json = json;
    }

    /** Streams {@code body} to the runner as table {@code id} of {@code organization}; what it stored. */
    public IngestedTable upload(UUID id, String organization, String format, long maxBytes, InputStream body) {
        URI uri = base.resolve("/internal/v1/tables/" + id + "?organization=" + URLEncoder.encode(organization, StandardCharsets.UTF_8)
                + "&format=" + format + "&maxBytes=" + maxBytes);
        HttpRequest request = request(uri).header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build();
        return send(request, IngestedTable.class);
    }

    /**
     * Streams a registered version's data into the domain, checked there against {@code registered}: the quality report
     * (aggregates only), or the runner's refusal naming the columns that do not conform.
     */
    public io.pdx.contracts.catalog.QualityReport importData(UUID datasetId, String format, long maxBytes,
                                                             io.pdx.contracts.runner.DatasetImport registered, InputStream body) {
        String schema;
        try {
            schema = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(registered));
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
        URI uri = base.resolve("/internal/v1/datasets/" + datasetId + "/data?format=" + format + "&maxBytes=" + maxBytes);
        HttpRequest request = request(uri).header("Content-Type", "application/octet-stream").header("X-Pdx-Import", schema)
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build();
        return send(request, io.pdx.contracts.catalog.QualityReport.class);
    }

    /** Deletes table {@code id} in the domain: what was removed. */
    public DeletedTable delete(UUID id) {
        return send(request(base.resolve("/internal/v1/tables/" + id)).DELETE().build(), DeletedTable.class);
    }

    /** Deletes the stored result of job {@code id} (a result derived from a deleted table); gone already is fine. */
    public void deleteResult(UUID job) {
        HttpRequest request = request(base.resolve("/internal/v1/jobs/" + job)).DELETE().build();
        try {
            HttpResponse<byte[]> answer = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 204 && answer.statusCode() != 200 && answer.statusCode() != 404) {
                throw SandboxRefusal.from(answer.statusCode(), answer.body(), json);
            }
        } catch (IOException unreachable) {
            throw new SandboxUnavailable(unreachable.getClass().getSimpleName());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new SandboxUnavailable("interrupted");
        }
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", bearer).header(RequestId.HEADER, CurrentRequestId.orFresh())
                .timeout(Duration.ofHours(1));
    }

    private <T> T send(HttpRequest request, Class<T> type) {
        try {
            HttpResponse<byte[]> answer = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                throw SandboxRefusal.from(answer.statusCode(), answer.body(), json);
            }
            return json.readValue(answer.body(), type);
        } catch (IOException unreachable) {
            throw new SandboxUnavailable(unreachable.getClass().getSimpleName());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new SandboxUnavailable("interrupted");
        }
    }
}
