package io.pdx.sandbox.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pdx.contracts.runner.DataManifest;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** The domain's data folder: Parquet files, and {@code manifest.json} that describes them. */
@ApplicationScoped
public class DataFolder {

    static final String MANIFEST = "manifest.json";

    private final Path root;
    private final Path results;
    private final ObjectMapper json;

    public DataFolder(@ConfigProperty(name = "pdx.data.dir") Path root,
                      @ConfigProperty(name = "pdx.sandbox.results-dir") Optional<Path> results, ObjectMapper json) {
        this.root = root.toAbsolutePath().normalize();
        this.results = results.map(folder -> folder.toAbsolutePath().normalize())
                .orElse(this.root.resolveSibling(this.root.getFileName() + "-results"));
        this.json = json;
    }

    public Path root() {
        return root;
    }

    /**
     * The Parquet file of a dataset alias (its file name without {@code .parquet}); an alias that is
     * not a plain identifier never names a file, so no path can be smuggled in through it.
     */
    public Path parquetFileOf(String alias) {
        if (alias == null || !alias.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a dataset alias");
        }
        return root.resolve(alias + ".parquet");
    }

    /**
     * The Parquet file a dataset is read from: an organization's own table's under {@code own/} (by its id, a UUID),
     * else the public dataset's by its alias.
     */
    public Path fileOf(io.pdx.contracts.runner.SandboxDataset dataset) {
        if (dataset.owned()) {
            return root.resolve("own").resolve(java.util.UUID.fromString(dataset.table()) + ".parquet");
        }
        return parquetFileOf(dataset.alias());
    }

    /**
     * The version of a dataset's Parquet file: its path, size and modification time. What is worked
     * out once from a file (its entity statistics, an opened database) is kept under it, so a
     * regenerated file is never read through what was kept of the old one.
     */
    public String versionOf(io.pdx.contracts.runner.SandboxDataset dataset) throws IOException {
        Path file = fileOf(dataset);
        return file + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis();
    }

    public String versionOf(String alias) throws IOException {
        Path file = parquetFileOf(alias);
        return file + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis();
    }

    /** Where results of jobs are kept: {@code pdx.sandbox.results-dir}, by default beside the data folder, never inside it. */
    public Path resultsFolder() {
        return results;
    }

    /** The manifest, read again only when the file changed (every job's controls consult it). */
    public Optional<DataManifest> manifest() throws IOException {
        Path file = root.resolve(MANIFEST);
        if (!Files.isReadable(file)) {
            return Optional.empty();
        }
        long modified = Files.getLastModifiedTime(file).toMillis();
        Read known = lastRead;
        if (known != null && known.modified() == modified) {
            return Optional.of(known.manifest());
        }
        DataManifest manifest = json.readValue(file.toFile(), DataManifest.class);
        lastRead = new Read(modified, manifest);
        return Optional.of(manifest);
    }

    private record Read(long modified, DataManifest manifest) {
    }

    private volatile Read lastRead;

    /** Writes the manifest last and atomically: a folder with a manifest is a complete folder. */
    public void writeManifest(DataManifest manifest) throws IOException {
        Path temporary = root.resolve(MANIFEST + ".tmp");
        json.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), manifest);
        Files.move(temporary, root.resolve(MANIFEST), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
