package io.pdx.contracts.runner;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How a result or a delivery is read: the Arrow IPC stream (the platform's format), Parquet (a file analysts
 * open directly, with the same metadata as key-value pairs), a JSON preview, or CSV (deliveries and open data
 * only). Named in lower case in {@code ?format=}.
 */
public enum ResultFormat {
    ARROW("application/vnd.apache.arrow.stream", "arrows"),
    PARQUET("application/vnd.apache.parquet", "parquet"),
    JSON("application/json", "json"),
    /** RFC 4180 comma-separated values with a header row (open data, deliveries); never a stored result. */
    CSV("text/csv", "csv");

    public static final String ARROW_STREAM = "application/vnd.apache.arrow.stream";
    public static final String PARQUET_FILE = "application/vnd.apache.parquet";

    private final String mediaType;
    private final String extension;

    ResultFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The file name extension: {@code .arrows} is the one registered for the IPC stream format. */
    public String extension() {
        return extension;
    }

    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format a {@code ?format=} value names, if any; absent means ARROW. */
    public static Optional<ResultFormat> of(String parameter) {
        if (parameter == null) {
            return Optional.of(ARROW);
        }
        return Arrays.stream(values()).filter(format -> format.parameter().equals(parameter.strip().toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    public static String allowed() {
        return String.join(", ", Arrays.stream(values()).map(ResultFormat::parameter).toList());
    }
}
