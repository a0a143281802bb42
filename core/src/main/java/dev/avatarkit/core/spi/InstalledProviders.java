package dev.avatarkit.core.spi;

import dev.avatarkit.core.domain.ProviderRoute;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.port.ProviderCapabilities;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@link ProviderDirectory} of the installed plugins ({@link ProviderPlugins}): opened per route on first use and closed on
 * shutdown. In sandbox mode each provider is pointed at its own simulator, started on first use; real settings are
 * replaced by the simulator's (keys, URLs, webhook secret), so sandbox work cannot reach a real account.
 */
public final class InstalledProviders implements ProviderDirectory, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(InstalledProviders.class.getName());

    private final ProviderPlugins plugins;
    private final ProviderSettings settings;
    private final String defaultProvider;
    private final ProviderContext context;
    private final Duration sandboxRenderTime; // null = real providers
    private final Map<ProviderRoute, Provider> opened = new HashMap<>();
    private final Map<String, SandboxPlugin.Running> sandboxes = new HashMap<>();

    public InstalledProviders(
            ProviderPlugins plugins,
            ProviderSettings settings,
            String defaultProvider,
            ProviderContext context,
            Duration sandboxRenderTime) {
        this.plugins = plugins;
        this.settings = settings;
        this.defaultProvider = defaultProvider;
        this.context = context;
        this.sandboxRenderTime = sandboxRenderTime;
        plugins.get(defaultProvider, "AVATARKIT_PROVIDER");
    }

    @Override
    public ProviderRoute defaultRoute() {
        return routeFor(defaultProvider);
    }

    @Override
    public ProviderRoute routeFor(String provider) {
        ProviderPlugin plugin = plugins.get(provider, "provider");
        return new ProviderRoute(plugin.name(), plugin.dialect(settings));
    }

    @Override
    public synchronized Provider open(ProviderRoute route) {
        ProviderRoute resolved = resolve(route);
        Provider provider = opened.get(resolved);
        if (provider == null) {
            ProviderPlugin plugin = plugins.get(resolved.provider(), "provider");
            provider = plugin.open(settingsFor(plugin.name()), resolved.dialect(), context);
            opened.put(resolved, provider);
        }
        return provider;
    }

    @Override
    public ProviderCapabilities capabilities(ProviderRoute route) {
        ProviderRoute resolved = resolve(route);
        return plugins.get(resolved.provider(), "provider").capabilities(settings, resolved.dialect());
    }

    @Override
    public List<String> names() {
        List<String> names = new ArrayList<>();
        names.add(defaultProvider);
        plugins.names().stream().filter(n -> !n.equals(defaultProvider)).forEach(names::add);
        return names;
    }

    public ProviderPlugins plugins() {
        return plugins;
    }

    /** Every installed provider with its capabilities under the current settings, the default first. No I/O. */
    public List<ProviderInfo> describe() {
        List<ProviderInfo> out = new ArrayList<>();
        for (String name : names()) {
            ProviderPlugin plugin = plugins.get(name, "provider");
            String dialect = plugin.dialect(settings);
            out.add(ProviderInfo.of(
                    name,
                    plugin.description(),
                    name.equals(defaultProvider),
                    dialect,
                    plugin.capabilities(settings, dialect),
                    plugins.sandbox(name).isPresent()));
        }
        return out;
    }

    /** The running sandbox of {@code provider} (started on first use), in sandbox mode. */
    public synchronized Optional<SandboxPlugin.Running> sandbox(String provider) {
        if (sandboxRenderTime == null) return Optional.empty();
        SandboxPlugin.Running running = sandboxes.get(provider);
        if (running == null) {
            SandboxPlugin plugin = plugins.sandbox(provider)
                    .orElseThrow(() -> new ValidationException(
                            "sandbox", "--sandbox: no simulator is installed for provider '" + provider + "'"));
            running = plugin.start(sandboxRenderTime);
            sandboxes.put(provider, running);
        }
        return Optional.of(running);
    }

    /** A route without a dialect (a job stored before routes) takes the provider's configured dialect. */
    private ProviderRoute resolve(ProviderRoute route) {
        return route.hasDialect() ? route : routeFor(route.provider());
    }

    /** In sandbox mode the simulator's settings (key, URLs, webhook secret) replace the configured ones. */
    private ProviderSettings settingsFor(String provider) {
        Optional<SandboxPlugin.Running> sandbox = sandbox(provider);
        if (sandbox.isEmpty()) return settings;
        Map<String, String> overrides = sandbox.get().settings();
        return name -> overrides.containsKey(name) ? Optional.of(overrides.get(name)) : settings.get(name);
    }

    /** Closes every opened provider, then the sandboxes. */
    @Override
    public synchronized void close() {
        for (Provider provider : opened.values()) closeQuietly(provider);
        opened.clear();
        for (SandboxPlugin.Running sandbox : sandboxes.values()) closeQuietly(sandbox);
        sandboxes.clear();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "closing " + closeable.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
