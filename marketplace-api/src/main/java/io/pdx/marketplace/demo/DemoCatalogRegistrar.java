package io.pdx.marketplace.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pdx.contracts.runner.DataManifest;
import io.pdx.contracts.runner.DatasetDescriptor;
import io.pdx.contracts.catalog.DatasetSchema;
import io.pdx.contracts.catalog.RegistrationStatus;
import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.catalog.registration.Publicity;
import io.pdx.marketplace.catalog.DatasetName;
import io.pdx.marketplace.product.GradeRules;
import io.pdx.marketplace.product.Product;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Registers the demo datasets in the catalog at start: reads {@code manifest.json}, written by
 * sandbox-runner's demo generator beside the Parquet files, and inserts or refreshes one entry
 * per dataset (keyed by provider and Chinese name), all in one transaction. Each dataset whose
 * grade may be listed also gets a FREE product in the modes the grade allows (from OPA's grade
 * matrix), so that the demo can be licensed at once.
 */
@ApplicationScoped
public class DemoCatalogRegistrar {

    private static final Logger LOG = Logger.getLogger(DemoCatalogRegistrar.class);

    /** Who registered the demo catalog, as audit fields show it. */
    static final String REGISTRAR = "pdx-demo-loader";
    /**
     * Serializes the registration of instances that start together on one database (a transaction-scoped advisory
     * lock): without it the second one's inserts collide with the first's and it fails to start.
     */
    static final long REGISTRATION_LOCK = 0x5044_5844_454d_4f43L;
    static final String LOCK = "select cast(function('pg_advisory_xact_lock', " + REGISTRATION_LOCK + "L) as String)";

    private final Optional<String> manifestPath;
    private final ObjectMapper json;
    private final GradeRules grades;
    private final Publicity publicity;
    private final java.time.Clock clock;

    public DemoCatalogRegistrar(@ConfigProperty(name = "pdx.demo.manifest") Optional<String> manifestPath,
                                ObjectMapper json, GradeRules grades, Publicity publicity,
                                java.time.Clock clock) {
        this.publicity = publicity;
        this.clock = clock;
        this.manifestPath = manifestPath;
        this.json = json;
        this.grades = grades;
    }

    void onStart(@Observes StartupEvent start) throws Throwable {
        if (manifestPath.isEmpty() || manifestPath.get().isBlank()) {
            return;
        }
        Path path = Path.of(manifestPath.get());
        if (!Files.isReadable(path)) {
            LOG.warnf("demo manifest %s not readable; no demo datasets registered", path);
            return;
        }
        DataManifest manifest = json.readValue(path.toFile(), DataManifest.class);
        // instances starting together register one after the other: the second finds the entries and refreshes them
        Long registered = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                .flatMap(session -> session.createSelectionQuery(LOCK, String.class).getSingleResult())
                .flatMap(locked -> Multi.createFrom().iterable(manifest.datasets())
                        .onItem().transformToUniAndConcatenate(descriptor -> register(descriptor).call(this::listed))
                        .collect().with(java.util.stream.Collectors.counting()))));
        LOG.infof("demo catalog: %d datasets registered from %s (seed %d, scale %s)",
                registered, path, manifest.seed(), manifest.scale());
    }

    /** A FREE product for the dataset in the modes its grade allows, unless it is listed already or never may be. */
    private Uni<Void> listed(Dataset dataset) {
        return Product.count("datasetId", dataset.id).flatMap(products -> {
            if (products > 0) {
                return Uni.createFrom().voidItem();
            }
            return grades.of(dataset.grade).flatMap(rule -> rule.modes().isEmpty() ? Uni.createFrom().voidItem()
                    : Product.free(dataset, rule.modes(), List.of("演示 / demo"),
                            "合成数据，仅供演示 / synthetic data, for the demo only", REGISTRAR,
                            java.time.OffsetDateTime.now(clock)).persist().replaceWithVoid());
        });
    }

    /** A draft version 1 with its name claimed (a demo dataset not registered before). */
    private static Uni<Dataset> newDraft(DatasetDescriptor descriptor) {
        Dataset dataset = new Dataset();
        dataset.id = UUID.randomUUID();
        dataset.lineageId = dataset.id;
        dataset.createdBy = REGISTRAR;
        return DatasetName.of(descriptor.provider(), descriptor.nameZh(), dataset.lineageId).persist().replaceWith(dataset);
    }

    private Uni<Dataset> register(DatasetDescriptor descriptor) {
        return Dataset.<Dataset>find("provider = ?1 and nameZh = ?2 and status = ?3", descriptor.provider(),
                        descriptor.nameZh(), RegistrationStatus.REGISTERED)
                .firstResult()
                .flatMap(existing -> existing != null ? describe(existing, descriptor).<Dataset>persist()
                        : newDraft(descriptor).flatMap(draft -> describe(draft, descriptor).<Dataset>persist())
                                .flatMap(draft -> registered(draft, descriptor)));
    }

    /**
     * A new demo version goes the registration's way as the platform's steps: submitted for its provider, accepted
     * with an empty publicity window (the loader's own synthetic data, which nobody else holds) and concluded with its
     * code and signed certificate (each step audited).
     */
    private Uni<Dataset> registered(Dataset draft, DatasetDescriptor descriptor) {
        return publicity.registerAtOnce(draft, descriptor.provider(), REGISTRAR);
    }

    /** The description the manifest gives (a version registered before is refreshed with it). */
    private static Dataset describe(Dataset dataset, DatasetDescriptor descriptor) {
        dataset.nameZh = descriptor.nameZh();
        dataset.nameEn = descriptor.nameEn();
        dataset.description = descriptor.description();
        dataset.category = descriptor.category();
        dataset.grade = descriptor.grade();
        dataset.provider = descriptor.provider();
        dataset.providerName = descriptor.providerName();
        dataset.rowCount = descriptor.rowCount();
        dataset.dataFile = descriptor.file();
        dataset.entityColumn = descriptor.entityColumn();
        dataset.schema = new DatasetSchema(descriptor.columns());
        dataset.updateFrequency = descriptor.updateFrequency();
        dataset.timeCoverageStart = descriptor.timeCoverageStart();
        dataset.timeCoverageEnd = descriptor.timeCoverageEnd();
        dataset.spatialCoverage = descriptor.spatialCoverage();
        dataset.sharingType = descriptor.sharingType();
        dataset.sharingCondition = descriptor.sharingCondition();
        dataset.openness = descriptor.openness();
        return dataset;
    }
}
