package org.rencontres.document;

import java.util.logging.Level;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * openhtmltopdf's messages through SLF4J, one level down: its INFO lines (one per font loaded, per
 * stylesheet parsed...) are debug detail for us; its warnings stay warnings. Logger
 * {@code com.openhtmltopdf}.
 */
final class Slf4jPdfLog implements XRLogger {

    private static final Logger log = LoggerFactory.getLogger("com.openhtmltopdf");

    @Override
    public void log(String where, Level level, String msg) {
        log(where, level, msg, null);
    }

    @Override
    public void log(String where, Level level, String msg, Throwable th) {
        if (level.intValue() >= Level.WARNING.intValue()) {
            log.warn(msg, th);
        } else if (level.intValue() >= Level.INFO.intValue()) {
            log.debug(msg, th);
        } else {
            log.trace(msg, th);
        }
    }

    @Override
    public void setLevel(String logger, Level level) {
        // Levels are set in the logging configuration.
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        int level = diagnostic.getLevel().intValue();
        return level >= Level.WARNING.intValue() ? log.isWarnEnabled()
                : level >= Level.INFO.intValue() ? log.isDebugEnabled() : log.isTraceEnabled();
    }

    @Override
    public void log(Diagnostic diagnostic) {
        log("com.openhtmltopdf", diagnostic.getLevel(), diagnostic.getFormattedMessage(), diagnostic.getError());
    }
}
