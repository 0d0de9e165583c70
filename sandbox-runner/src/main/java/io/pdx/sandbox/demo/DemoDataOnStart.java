package io.pdx.sandbox.demo;

import io.pdx.contracts.runner.DataManifest;
import io.pdx.sandbox.data.DataFolder;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Locale;
import java.util.Optional;

/**
 * Generates the demo domain at start when {@code pdx.demo.generate} is on and the data folder
 * does not already hold the data of the same seed and scale. A second start reuses it.
 */
@ApplicationScoped
public class DemoDataOnStart {

    private static final Logger LOG = Logger.getLogger(DemoDataOnStart.class);

    private final DataFolder folder;
    private final boolean enabled;
    private final long seed;
    private final DemoScale scale;

    public DemoDataOnStart(DataFolder folder,
                           @ConfigProperty(name = "pdx.demo.generate") boolean enabled,
                           @ConfigProperty(name = "pdx.demo.seed") long seed,
                           @ConfigProperty(name = "pdx.demo.scale") String scale) {
        this.folder = folder;
        this.enabled = enabled;
        this.seed = seed;
        this.scale = DemoScale.parse(scale);
    }

    void onStart(@Observes StartupEvent start) throws Exception {
        if (!enabled) {
            return;
        }
        Optional<DataManifest> existing = folder.manifest();
        String wanted = scale.name().toLowerCase(Locale.ROOT);
        if (existing.isPresent() && existing.get().format() == DataManifest.FORMAT && existing.get().seed() == seed && existing.get().scale().equals(wanted)) {
            LOG.infof("demo data present in %s (seed %d, scale %s): reused", folder.root(), seed, wanted);
            return;
        }
        long began = System.nanoTime();
        DataManifest manifest = new DemoDataGenerator(seed, scale).generate(folder.root());
        folder.writeManifest(manifest);
        LOG.infof("demo data generated in %s: %d datasets, %d rows, %d ms (seed %d, scale %s)",
                folder.root(), manifest.datasets().size(),
                manifest.datasets().stream().mapToLong(d -> d.rowCount()).sum(),
                (System.nanoTime() - began) / 1_000_000, seed, wanted);
    }
}
