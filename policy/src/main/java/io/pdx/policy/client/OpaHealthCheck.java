package io.pdx.policy.client;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.net.URI;
import java.time.Duration;

/** Readiness of the policy engine: OPA's {@code /health?bundles} answers 200 once its bundle is active. */
@Readiness
@ApplicationScoped
public class OpaHealthCheck implements AsyncHealthCheck {

    private final WebClient client;
    private final URI opaUrl;

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(OpaHealthCheck.class);

    public OpaHealthCheck(Vertx vertx, @ConfigProperty(name = "quarkus.rest-client.opa.url") URI opaUrl) {
        this.client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(1000));
        this.opaUrl = opaUrl;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        int port = opaUrl.getPort() > 0 ? opaUrl.getPort() : 80;
        return client.get(port, opaUrl.getHost(), "/health?bundles").timeout(1000).send()
                // up or down only: where OPA listens is not for whoever reads the health answer
                .map(response -> HealthCheckResponse.named("OPA policy engine")
                        .status(response.statusCode() == 200)
                        .build())
                .ifNoItem().after(Duration.ofSeconds(2)).fail()
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("OPA not ready: %s", failure.getClass().getSimpleName());
                    return HealthCheckResponse.named("OPA policy engine").down().build();
                });
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
