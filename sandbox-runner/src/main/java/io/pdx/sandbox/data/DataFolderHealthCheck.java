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

    private final DataFolder folder;

    public DataFolderHealthCheck(DataFolder folder) {
        this.folder = folder;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("Data folder").withData("path", folder.root().toString());
        try {
            Optional<DataManifest> manifest = folder.manifest();
            if (manifest.isEmpty()) {
                return response.withData("error", "no manifest.json").down().build();
            }
            long missing = manifest.get().datasets().stream().map(DatasetDescriptor::file)
                    .filter(file -> !Files.isReadable(folder.root().resolve(file))).count();
            return response.withData("datasets", manifest.get().datasets().size())
                    .withData("missingFiles", missing)
                    .status(missing == 0)
                    .build();
        } catch (Exception unreadable) {
            return response.withData("error", unreadable.getClass().getSimpleName()).down().build();
        }
    }
}
