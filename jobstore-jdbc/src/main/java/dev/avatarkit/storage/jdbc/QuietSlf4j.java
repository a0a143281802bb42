package dev.avatarkit.storage.jdbc;

import java.util.ServiceLoader;

/**
 * Keeps slf4j from printing "SLF4J(W): No SLF4J providers were found" into an embedder's console. HikariCP and
 * db-scheduler log through slf4j; an application that has no slf4j backend chose not to see their logs, so the
 * three-line warning is noise. When (and only when) no provider is on the class path, slf4j's own diagnostics are
 * lowered to errors; an application with logback or any other provider is left exactly as it was.
 */
final class QuietSlf4j {
    /** slf4j 2's switch for its internal reporter (INFO by default; ERROR hides the no-provider warning). */
    static final String VERBOSITY = "slf4j.internal.verbosity";

    private QuietSlf4j() {}

    /** Call before the first slf4j logger is made (slf4j reports once, when it binds). */
    static void whenNoBackend() {
        if (System.getProperty(VERBOSITY) != null || hasProvider()) return;
        System.setProperty(VERBOSITY, "ERROR");
    }

    private static boolean hasProvider() {
        try {
            return ServiceLoader.load(org.slf4j.spi.SLF4JServiceProvider.class, QuietSlf4j.class.getClassLoader())
                    .stream()
                    .findAny()
                    .isPresent();
        } catch (java.util.ServiceConfigurationError e) {
            return true; // a provider is there, only broken: let slf4j say so
        }
    }
}
