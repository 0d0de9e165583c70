package io.pdx.sandbox.engine.duckdb;

import io.pdx.contracts.catalog.ColumnSpec;
import io.pdx.contracts.runner.SandboxDataset;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What the runner and an engine process say to each other over the process's standard streams. The runner sends a
 * statement with the licensed views it reads; the process answers whether it bound ({@link #PREPARED}, or
 * {@link #NOT_EXECUTABLE} when binding failed, {@link #UNAVAILABLE} when the views could not be opened), then on
 * {@link #EXECUTE} (with the rows per batch) answers {@link #STREAM} and the rows as an Arrow IPC stream followed by {@link #DONE} or
 * {@link #FAILED} with the kind of failure (the engine message's first words, never a value), or {@link #FAILED} and the
 * kind at once, or on {@link #SKIP} drops the statement.
 */
final class EngineWire {

    static final byte READY = 'R';
    static final byte PREPARED = 'P';
    static final byte NOT_EXECUTABLE = 'N';
    static final byte UNAVAILABLE = 'U';
    static final byte EXECUTE = 'X';
    static final byte SKIP = 'S';
    static final byte STREAM = 'A';
    static final byte DONE = 'K';
    static final byte FAILED = 'F';

    /** The longest failure kind passed on: DuckDB's messages name the kind first ("Out of Memory Error: …"). */
    static final int KIND_LENGTH = 40;

    private EngineWire() {
    }

    /** A statement over some licensed views, as sent to the process. */
    record Statement(List<SandboxDataset> datasets, String sql, boolean preserveOrder) {
    }

    static void write(DataOutputStream out, Statement statement) throws IOException {
        out.writeInt(statement.datasets().size());
        for (SandboxDataset dataset : statement.datasets()) {
            text(out, dataset.alias());
            text(out, dataset.entityColumn() == null ? "" : dataset.entityColumn());
            text(out, dataset.table() == null ? "" : dataset.table());
            out.writeInt(dataset.columns().size());
            for (ColumnSpec column : dataset.columns()) {
                text(out, column.name());
            }
        }
        text(out, statement.sql());
        out.writeBoolean(statement.preserveOrder());
        out.flush();
    }

    static Statement read(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<SandboxDataset> datasets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String alias = text(in);
            String entity = text(in);
            String table = text(in);
            int columns = in.readInt();
            List<ColumnSpec> specs = new ArrayList<>(columns);
            for (int c = 0; c < columns; c++) {
                specs.add(new ColumnSpec(text(in), null, null, null));
            }
            datasets.add(new SandboxDataset(alias, null, entity.isEmpty() ? null : entity, specs, null,
                    table.isEmpty() ? null : table));
        }
        String sql = text(in);
        boolean preserveOrder = in.readBoolean();
        return new Statement(datasets, sql, preserveOrder);
    }

    static void text(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String text(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > (16 << 20)) {
            throw new IOException("malformed engine message");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    /** The kind of an engine failure: its message up to the first colon, at most {@link #KIND_LENGTH} characters. */
    static String kindOf(String message) {
        String text = message == null ? "" : message;
        int colon = text.indexOf(':');
        String kind = colon < 0 ? "" : text.substring(0, colon);
        return kind.length() > KIND_LENGTH ? kind.substring(0, KIND_LENGTH) : kind;
    }
}
