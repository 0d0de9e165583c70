package io.pdx.sandbox.data;

import io.pdx.contracts.runner.DataManifest;
import io.pdx.contracts.runner.DatasetDescriptor;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.nio.file.Files;
import java.util.Optional;

/** Ready when the data folder has its manifest and every Parquet file it names. */
@Readiness
@ApplicationScoped
public class DataFolderHealthCheck implements HealthCheck {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(DataFolderHealthCheck.class);

    private final DataFolder folder;

    public DataFolderHealthCheck(DataFolder folder) {
        this.folder = folder;
    }

    @Override
    public HealthCheckResponse call() {
        // the status only: where the data lives and what it holds stay out of an answer anyone on the network can read
        var response = HealthCheckResponse.named("Data folder");
        try {
            Optional<DataManifest> manifest = folder.manifest();
            if (manifest.isEmpty()) {
                LOG.warn("data folder not ready: no manifest.json");
                return response.down().build();
            }
            long missing = manifest.get().datasets().stream().map(DatasetDescriptor::file)
                    .filter(file -> !Files.isReadable(folder.root().resolve(file))).count();
            if (missing > 0) {
                LOG.warnf("data folder not ready: %d of its datasets' files cannot be read", missing);
            }
            return response.status(missing == 0).build();
        } catch (Exception unreadable) {
            LOG.warnf("data folder not ready: %s", unreadable.getClass().getSimpleName());
            return response.down().build();
        }
    }
}
