package dev.avatarkit.runtime;

import dev.avatarkit.core.port.ProviderCallListener;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Fans what provider adapters report about their requests out to subscribers (the server's metrics). */
public final class ProviderCalls implements ProviderCallListener {
    private static final Logger LOG = Logger.getLogger(ProviderCalls.class.getName());
    private final CopyOnWriteArrayList<ProviderCallListener> subscribers = new CopyOnWriteArrayList<>();

    /** @return closing it unsubscribes */
    public AutoCloseable subscribe(ProviderCallListener subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    @Override
    public void exchanged(String provider, String route, String outcome, Duration latency) {
        for (ProviderCallListener s : subscribers) {
            try {
                s.exchanged(provider, route, outcome, latency);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a provider call listener failed", e);
            }
        }
    }

    @Override
    public void retrying(String provider, String operation, String reason) {
        for (ProviderCallListener s : subscribers) {
            try {
                s.retrying(provider, operation, reason);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a provider call listener failed", e);
            }
        }
    }
}
