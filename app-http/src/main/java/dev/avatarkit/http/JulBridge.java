package dev.avatarkit.http;

import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * core logs through {@code java.util.logging} (it depends on the JDK only); the server routes those records into
 * SLF4J, so they share logback's format (text or JSON) and levels instead of JUL's two-line console default.
 */
final class JulBridge {
    private JulBridge() {}

    static void install() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }
}
