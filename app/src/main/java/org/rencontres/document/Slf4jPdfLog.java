package org.rencontres.document;

import java.util.logging.Level;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * openhtmltopdf's messages through SLF4J, one level down: its INFO lines (one per font loaded, per
 * stylesheet parsed...) are debug detail for us; its warnings stay warnings.
 */
final class Slf4jPdfLog implements XRLogger {

    @Override
    public void log(String where, Level level, String msg) {
        log(where, level, msg, null);
    }

    @Override
    public void log(String where, Level level, String msg, Throwable th) {
        Logger logger = LoggerFactory.getLogger(where);
        if (level.intValue() >= Level.WARNING.intValue()) {
            logger.warn(msg, th);
        } else if (level.intValue() >= Level.INFO.intValue()) {
            logger.debug(msg, th);
        } else {
            logger.trace(msg, th);
        }
    }

    @Override
    public void setLevel(String logger, Level level) {
        // Levels are set in the logging configuration.
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        // Always: the per-document diagnostics that PdfRenderer reads are only made for enabled levels.
        return true;
    }

    @Override
    public void log(Diagnostic diagnostic) {
        log("com.openhtmltopdf", diagnostic.getLevel(), diagnostic.getFormattedMessage(), diagnostic.getError());
    }
}
