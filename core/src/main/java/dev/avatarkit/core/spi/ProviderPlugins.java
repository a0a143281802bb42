package dev.avatarkit.core.spi;

import dev.avatarkit.core.domain.ValidationException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/**
 * The providers (and their sandboxes) on the classpath, found with {@link ServiceLoader}: adding a provider is adding
 * its module to the launcher, with no edit here or in the apps.
 */
public final class ProviderPlugins {
    private static volatile ProviderPlugins installed;

    private final Map<String, ProviderPlugin> providers = new TreeMap<>();
    private final Map<String, SandboxPlugin> sandboxes = new TreeMap<>();

    public ProviderPlugins(Collection<ProviderPlugin> providers, Collection<SandboxPlugin> sandboxes) {
        providers.forEach(p -> {
            ProviderPlugin clash = this.providers.putIfAbsent(p.name(), p);
            if (clash != null) {
                throw new IllegalStateException("two provider plugins are named '" + p.name() + "': "
                        + clash.getClass().getName() + " and " + p.getClass().getName());
            }
        });
        sandboxes.forEach(s -> this.sandboxes.putIfAbsent(s.provider(), s));
    }

    /** What this process's classpath holds (looked up once). */
    public static ProviderPlugins installed() {
        ProviderPlugins found = installed;
        if (found == null) {
            ClassLoader loader = ProviderPlugins.class.getClassLoader();
            found = new ProviderPlugins(
                    ServiceLoader.load(ProviderPlugin.class, loader).stream()
                            .map(ServiceLoader.Provider::get)
                            .toList(),
                    ServiceLoader.load(SandboxPlugin.class, loader).stream()
                            .map(ServiceLoader.Provider::get)
                            .toList());
            installed = found;
        }
        return found;
    }

    /** The installed providers, by name. */
    public List<ProviderPlugin> all() {
        return List.copyOf(providers.values());
    }

    public Set<String> names() {
        return providers.keySet();
    }

    /** @throws ValidationException naming {@code field} and the installed providers when {@code name} is not one */
    public ProviderPlugin get(String name, String field) {
        ProviderPlugin plugin = providers.get(name);
        if (plugin == null) {
            throw new ValidationException(
                    field,
                    "no provider named '" + name + "' is installed; installed: "
                            + (providers.isEmpty()
                                    ? "none (add a provider module, e.g. adapter-heygen)"
                                    : String.join(", ", providers.keySet())));
        }
        return plugin;
    }

    public Optional<SandboxPlugin> sandbox(String provider) {
        return Optional.ofNullable(sandboxes.get(provider));
    }

    /** Every setting any installed provider reads, in plugin order. */
    public List<Setting> settings() {
        return providers.values().stream().flatMap(p -> p.settings().stream()).toList();
    }

    /** The names of those settings that hold secrets. */
    public Set<String> secretNames() {
        Set<String> names = new LinkedHashSet<>();
        settings().stream().filter(Setting::secret).forEach(s -> names.add(s.name()));
        return names;
    }
}
