package io.pdx.sandbox.engine.tables;

import io.pdx.sandbox.engine.RunFailure;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * What every upload into the domain does alike (an organization's own table, a registered version's data): streamed to
 * a temporary file and cut off past its byte limit, read by DuckDB as CSV with a header or as Parquet, checksummed, and
 * deleted on any failure. DuckDB's message about a malformed file is told back to whoever sent it (their own data).
 */
public final class Uploads {

    private static final Logger LOG = Logger.getLogger(Uploads.class);
    private static final int BUFFER = 1 << 16;

    private Uploads() {
    }

    /** The body to a file, at most {@code maxBytes}: 413 past it (what was read is deleted by the caller). */
    public static long receive(InputStream body, Path upload, long maxBytes) throws IOException, RunFailure {
        long received = 0;
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = body; OutputStream out = Files.newOutputStream(upload)) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                received += read;
                if (received > maxBytes) {
                    throw new RunFailure("upload_too_large", 413, "上传超过允许的大小（" + maxBytes + " 字节）",
                            "The upload is larger than allowed (" + maxBytes + " bytes)");
                }
                out.write(buffer, 0, read);
            }
        }
        return received;
    }

    /** The DuckDB table function reading an upload of {@code format} ({@code csv} or {@code parquet}). */
    public static String source(Path upload, String format) {
        return "csv".equals(format)
                ? "read_csv(" + literal(upload) + ", header = true, delim = ',', quote = '\"', auto_detect = true, sample_size = 20480)"
                : "read_parquet(" + literal(upload) + ")";
    }

    /** DuckDB's message names the line and column of a malformed CSV (the sender's own data, told back to them). */
    public static String firstLine(SQLException failure) {
        String message = Optional.ofNullable(failure.getMessage()).orElse("unreadable");
        String text = message.replace('\n', ' ').replaceAll("\\s+", " ").trim();
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }

    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[BUFFER];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    public static void deleteQuietly(Path... files) {
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                LOG.warnf("could not delete %s", file.getFileName());
            }
        }
    }

    public static String literal(Path file) {
        return "'" + file.toString().replace("'", "''") + "'";
    }

    public static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
