package dev.avatarkit.storage.jdbc;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;

/**
 * Sends Flyway's log to {@code java.util.logging}, where core logs too, one level down for its chatter: Flyway's
 * INFO ("Migrating schema … to version 2", "Successfully validated …") becomes FINE, so an embedder sees only
 * Flyway's warnings and errors, whatever logging backend it has (none: JUL's console at INFO; logback: through
 * the standard {@code jul-to-slf4j} bridge the app installs). Left to itself Flyway would pick slf4j and, with no
 * backend, set off slf4j's "no providers" warning.
 *
 * <p>Public with a no-argument constructor because Flyway instantiates it by name ({@code loggers(...)}).
 */
public final class FlywayToJul implements LogCreator {
    @Override
    public Log createLogger(Class<?> source) {
        return new JulLog(Logger.getLogger(source.getName()));
    }

    private record JulLog(Logger logger) implements Log {
        @Override
        public boolean isDebugEnabled() {
            return logger.isLoggable(Level.FINER);
        }

        @Override
        public void debug(String message) {
            logger.finer(message);
        }

        @Override
        public void info(String message) {
            logger.fine(message);
        }

        @Override
        public void notice(String message) {
            logger.fine(message);
        }

        @Override
        public void warn(String message) {
            logger.warning(message);
        }

        @Override
        public void error(String message) {
            logger.severe(message);
        }

        @Override
        public void error(String message, Exception cause) {
            logger.log(Level.SEVERE, message, cause);
        }
    }
}
