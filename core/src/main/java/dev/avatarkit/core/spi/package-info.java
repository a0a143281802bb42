/**
 * How a provider plugs in. A provider module lists its {@link dev.avatarkit.core.spi.ProviderPlugin} (and its
 * simulator module its {@link dev.avatarkit.core.spi.SandboxPlugin}) in {@code META-INF/services}; the runtime finds
 * what is on the classpath, so adding a provider touches no application code. JDK types only.
 */
package dev.avatarkit.core.spi;
