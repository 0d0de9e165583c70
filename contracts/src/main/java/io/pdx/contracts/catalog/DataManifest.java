package io.pdx.contracts.catalog;

import java.util.List;

/** The contents of {@code manifest.json} in the sandbox's data folder. */
public record DataManifest(long seed, String scale, List<DatasetDescriptor> datasets) {
}
