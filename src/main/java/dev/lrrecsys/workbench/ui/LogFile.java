package dev.lrrecsys.workbench.ui;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * Adds the window's log file (~/.lrw/logs/lrw.log by default) to logback at run time, so that error dialogs can
 * point to full details while the CLI keeps its quiet console-only configuration.
 */
public final class LogFile {

    private LogFile() {
    }

    public static Path defaultPath() {
        return Path.of(System.getProperty("user.home"), ".lrw", "logs", "lrw.log");
    }

    /** Starts appending INFO and above of our packages (and WARN of the rest) to the file; returns its path. */
    public static Path attach(Path file) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return file;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("lrw-file");
        appender.setFile(file.toString());
        appender.setAppend(true);
        appender.setEncoder(encoder);
        appender.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        context.getLogger("dev.lrrecsys").setLevel(Level.INFO);
        return file;
    }
}
