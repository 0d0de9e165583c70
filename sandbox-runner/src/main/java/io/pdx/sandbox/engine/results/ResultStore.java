package io.pdx.sandbox.engine.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pdx.contracts.runner.RunSummary;
import io.pdx.sandbox.data.DataFolder;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Results of jobs as Arrow IPC stream files with their summary beside them, in a folder next to
 * the data folder. A result is written to a temporary file and moved into place, the summary
 * last, so that a crash never leaves a half-written result that looks complete. Expired results
 * are deleted.
 */
@ApplicationScoped
public class ResultStore {

    private static final Logger LOG = Logger.getLogger(ResultStore.class);

    private final Path folder;
    private final ObjectMapper json;

    public ResultStore(DataFolder data, ObjectMapper json) throws IOException {
        this.folder = data.resultsFolder();
        this.json = json;
        Files.createDirectories(folder);
    }

    /** A fresh temporary file for a job's result; left-overs of a crash are swept. */
    public Path temporaryFile(UUID job) throws IOException {
        return Files.createTempFile(folder, job + "-", ".partial");
    }

    public void save(UUID job, Path temporary, RunSummary summary) throws IOException {
        // the summary is written in full before anything is moved into place: a store without room for it
        // (ENOSPC) leaves neither file, so no half-written result is ever served
        Path summaryTemporary = folder.resolve(job + ".json.partial");
        try {
            json.writeValue(summaryTemporary.toFile(), summary);
            Files.move(temporary, arrow(job), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.move(summaryTemporary, summaryFile(job), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException failed) {
            Files.deleteIfExists(summaryTemporary);
            delete(job);
            throw failed;
        }
    }

    /** The summary of a complete, unexpired result. */
    public Optional<RunSummary> summary(UUID job) throws IOException {
        Path file = summaryFile(job);
        if (!Files.isRegularFile(file) || !Files.isRegularFile(arrow(job))) {
            return Optional.empty();
        }
        RunSummary summary = json.readValue(file.toFile(), RunSummary.class);
        if (summary.expiresAt() != null && summary.expiresAt().isBefore(Instant.now())) {
            delete(job);
            return Optional.empty();
        }
        return Optional.of(summary);
    }

    public InputStream open(UUID job) throws IOException {
        return Files.newInputStream(arrow(job));
    }

    public void delete(UUID job) throws IOException {
        Files.deleteIfExists(summaryFile(job));
        Files.deleteIfExists(arrow(job));
    }

    @Scheduled(every = "10m", delayed = "30s")
    void sweep() {
        try (Stream<Path> files = Files.list(folder)) {
            files.forEach(file -> {
                String name = file.getFileName().toString();
                try {
                    if (name.endsWith(".partial") && Files.getLastModifiedTime(file).toInstant()
                            .isBefore(Instant.now().minusSeconds(3600))) {
                        Files.deleteIfExists(file);
                    } else if (name.endsWith(".json")) {
                        summary(UUID.fromString(name.substring(0, name.length() - ".json".length())));
                    }
                } catch (IOException | IllegalArgumentException skipped) {
                    LOG.debugf("result sweep skipped %s", name);
                }
            });
        } catch (IOException failure) {
            LOG.warnf("result sweep failed: %s", failure.getClass().getSimpleName());
        }
    }

    private Path arrow(UUID job) {
        return folder.resolve(job + ".arrows");
    }

    private Path summaryFile(UUID job) {
        return folder.resolve(job + ".json");
    }
}
