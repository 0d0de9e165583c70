package io.pdx.marketplace.testing;

import io.pdx.contracts.tracing.RequestId;
import org.jboss.logmanager.ExtLogRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import io.pdx.marketplace.observability.CredentialRedaction;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Every log record of the application under test (a {@code @QuarkusTest} runs it in the test's JVM), captured from
 * the root logger while open, with the categories given logged down to DEBUG meanwhile. A captured line holds what a
 * log file would: the formatted message, the text of every exception in its chain, and the request id of its MDC.
 */
public final class CapturedLogs extends Handler implements AutoCloseable {

    /** One captured record. */
    public record Line(String level, String logger, String text, String requestId) {
    }

    private static final CredentialRedaction REDACTION = new CredentialRedaction();

    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final List<Logger> lowered = new ArrayList<>();
    private final List<Level> previous = new ArrayList<>();

    /** Starts capturing; {@code debugCategories} are logged at DEBUG until {@link #close()}. */
    public static CapturedLogs start(String... debugCategories) {
        CapturedLogs logs = new CapturedLogs();
        logs.setLevel(Level.ALL);
        for (String category : debugCategories) {
            Logger logger = Logger.getLogger(category);
            logs.lowered.add(logger);
            logs.previous.add(logger.getLevel());
            logger.setLevel(Level.FINE);
        }
        Logger.getLogger("").addHandler(logs);
        return logs;
    }

    @Override
    public void publish(LogRecord record) {
        REDACTION.isLoggable(record); // as the console handler writes it (quarkus.log.console.filter)
        StringBuilder text = new StringBuilder(record instanceof ExtLogRecord ext ? String.valueOf(ext.getFormattedMessage())
                : String.valueOf(record.getMessage()));
        for (Throwable thrown = record.getThrown(); thrown != null; thrown = thrown.getCause()) {
            text.append(" | ").append(thrown);
            for (StackTraceElement frame : thrown.getStackTrace()) {
                text.append(" at ").append(frame);
            }
        }
        String requestId = record instanceof ExtLogRecord ext ? ext.getMdc(RequestId.MDC_KEY) : null;
        lines.add(new Line(record.getLevel().getName(), record.getLoggerName(), text.toString(), requestId));
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    /** Everything captured, one line per record, as a log file would hold it. */
    public String text() {
        StringBuilder all = new StringBuilder();
        for (Line line : lines) {
            all.append(line.level()).append(' ').append(line.logger()).append(" [").append(line.requestId()).append("] ")
                    .append(line.text()).append('\n');
        }
        return all.toString();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
        for (int i = 0; i < lowered.size(); i++) {
            lowered.get(i).setLevel(previous.get(i));
        }
    }
}
