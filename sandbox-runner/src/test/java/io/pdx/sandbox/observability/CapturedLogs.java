package io.pdx.sandbox.observability;

import org.jboss.logmanager.ExtLogRecord;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Every log record of the application under test (it runs in the test's JVM), captured from the root logger. */
final class CapturedLogs extends Handler implements AutoCloseable {

    /** One captured record: its formatted message (with any exception's text) and the request id in its MDC. */
    record Line(String logger, String message, String requestId) {
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();

    static CapturedLogs start() {
        CapturedLogs logs = new CapturedLogs();
        logs.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(logs);
        return logs;
    }

    @Override
    public void publish(LogRecord record) {
        StringBuilder text = new StringBuilder(record instanceof ExtLogRecord ext ? String.valueOf(ext.getFormattedMessage())
                : String.valueOf(record.getMessage()));
        for (Throwable thrown = record.getThrown(); thrown != null; thrown = thrown.getCause()) {
            text.append(" | ").append(thrown);
        }
        String requestId = record instanceof ExtLogRecord ext ? ext.getMdc("requestId") : null;
        lines.add(new Line(record.getLoggerName(), text.toString(), requestId));
    }

    List<Line> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
