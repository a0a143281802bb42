package dev.avatarkit.cli.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.io.PrintWriter;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import org.slf4j.LoggerFactory;

/**
 * Logging for a CLI run, configured in code (no XML to get wrong): everything goes to stderr; by default only
 * errors, {@code -v} adds avatarkit's own INFO (redacted HTTP lines), {@code -vv} its DEBUG, while third-party
 * loggers stay at WARN; {@code -q} silences logs. Core's {@code java.util.logging} records are bridged in.
 * As a last line of defence every configured secret value is masked in every log line.
 */
public final class Logging {
    private static final Set<String> SECRETS = new CopyOnWriteArraySet<>();
    private static volatile PrintWriter sink = new PrintWriter(System.err, true);

    private Logging() {}

    public static void configure(int verbosity, boolean quiet, PrintWriter err) {
        sink = err;
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n%ex{short}");
        layout.start();
        SinkAppender appender = new SinkAppender(layout);
        appender.setContext(context);
        appender.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        root.setLevel(quiet ? Level.OFF : verbosity > 0 ? Level.WARN : Level.ERROR);
        Level ours = quiet ? Level.OFF : verbosity >= 2 ? Level.DEBUG : verbosity == 1 ? Level.INFO : Level.ERROR;
        context.getLogger("dev.avatarkit").setLevel(ours);
        bridgeJul(ours);
    }

    /** Masks {@code value} in every later log line. */
    public static void redact(String value) {
        if (value != null && value.length() >= 4) SECRETS.add(value);
    }

    public static String mask(String text) {
        String out = text;
        for (String secret : SECRETS) out = out.replace(secret, "****");
        return out;
    }

    private static void bridgeJul(Level level) {
        java.util.logging.Logger julRoot = LogManager.getLogManager().getLogger("");
        for (Handler handler : julRoot.getHandlers()) julRoot.removeHandler(handler);
        julRoot.addHandler(new Slf4jHandler());
        java.util.logging.Level jul = level == Level.OFF
                ? java.util.logging.Level.OFF
                : level == Level.DEBUG
                        ? java.util.logging.Level.FINE
                        : level == Level.INFO ? java.util.logging.Level.INFO : java.util.logging.Level.SEVERE;
        julRoot.setLevel(java.util.logging.Level.WARNING);
        java.util.logging.Logger.getLogger("dev.avatarkit").setLevel(jul);
    }

    /** Writes formatted, masked events to the run's stderr. */
    private static final class SinkAppender extends AppenderBase<ILoggingEvent> {
        private final PatternLayout layout;

        SinkAppender(PatternLayout layout) {
            this.layout = layout;
        }

        @Override
        protected void append(ILoggingEvent event) {
            PrintWriter out = sink;
            out.print(mask(layout.doLayout(event)));
            out.flush();
        }
    }

    /** java.util.logging → SLF4J, so core's engine logs obey the same levels and masking. */
    private static final class Slf4jHandler extends Handler {
        @Override
        public void publish(LogRecord record) {
            if (!isLoggable(record)) return;
            org.slf4j.Logger logger =
                    LoggerFactory.getLogger(record.getLoggerName() == null ? "jul" : record.getLoggerName());
            String message = new java.util.logging.SimpleFormatter().formatMessage(record);
            int level = record.getLevel().intValue();
            if (level >= java.util.logging.Level.SEVERE.intValue()) logger.error(message, record.getThrown());
            else if (level >= java.util.logging.Level.WARNING.intValue()) logger.warn(message, record.getThrown());
            else if (level >= java.util.logging.Level.INFO.intValue()) logger.info(message, record.getThrown());
            else logger.debug(message, record.getThrown());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
