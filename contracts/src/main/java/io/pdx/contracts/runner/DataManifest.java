package io.pdx.contracts.runner;

import java.util.List;

/**
 * The contents of {@code manifest.json} in the sandbox's data folder. {@code format} changes when
 * the shape of a descriptor does, so that a folder written by an older generator is made again.
 */
public record DataManifest(int format, long seed, String scale, List<DatasetDescriptor> datasets) {

    public static final int FORMAT = 5;
}
