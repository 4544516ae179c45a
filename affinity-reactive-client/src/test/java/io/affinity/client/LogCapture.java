package io.affinity.client;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Keeps the formatted log lines of the test run in memory. */
public final class LogCapture extends AppenderBase<ILoggingEvent> {

    private static final ConcurrentLinkedQueue<String> LINES = new ConcurrentLinkedQueue<>();
    private static final ConcurrentLinkedQueue<String> LEAK_REPORTS = new ConcurrentLinkedQueue<>();

    @Override
    protected void append(ILoggingEvent event) {
        String line = event.getLevel() + " " + event.getLoggerName() + " " + event.getFormattedMessage();
        if (event.getThrowableProxy() != null) {
            line += " " + event.getThrowableProxy().getClassName() + ": "
                    + event.getThrowableProxy().getMessage();
        }
        LINES.add(line);
        if (line.contains("LEAK:")) {
            LEAK_REPORTS.add(line);
        }
    }

    /** @return the Netty leak reports logged since the last call, which forgets them */
    static List<String> takeLeakReports() {
        List<String> reports = List.copyOf(LEAK_REPORTS);
        LEAK_REPORTS.removeAll(reports);
        return reports;
    }

    static List<String> lines() {
        return List.copyOf(LINES);
    }

    /** Forgets the lines logged so far (not the leak reports). */
    static void clear() {
        LINES.clear();
    }
}
