package dev.avatarkit.did;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.port.ProviderCapabilities;
import dev.avatarkit.core.port.ProviderCapabilities.Feature;
import dev.avatarkit.core.spi.Provider;
import dev.avatarkit.core.spi.ProviderContext;
import dev.avatarkit.core.spi.ProviderPlugin;
import dev.avatarkit.core.spi.ProviderSettings;
import dev.avatarkit.core.spi.Setting;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The plugin as the runtime sees it: found by ServiceLoader, its settings and defaults, its capabilities. */
class DidPluginTest {
    private static final ProviderSettings NONE = name -> Optional.empty();

    private static ProviderSettings of(Map<String, String> values) {
        return name -> Optional.ofNullable(values.get(name));
    }

    @Test
    void givenTheClasspath_whenPluginsAreLoaded_thenD_idIsFound() {
        assertThat(ServiceLoader.load(ProviderPlugin.class).stream()
                        .map(p -> p.get().name()))
                .contains("d-id");
    }

    @Test
    void givenThePlugin_whenItsSettingsAreListed_thenTheKeyIsSecretAndTheDefaultsArePinned() {
        assertThat(new DidPlugin().settings())
                .containsExactly(
                        new Setting("DID_API_KEY", true, null, "D-ID API key, sent verbatim after the auth scheme"),
                        new Setting("DID_BASE_URL", false, "https://api.d-id.com", "D-ID API base URL"),
                        new Setting(
                                "DID_AUTH_SCHEME",
                                false,
                                "Basic",
                                "word before the key in Authorization (Basic or Bearer)"),
                        new Setting("DID_MAX_CONCURRENCY", false, "3", "D-ID renders in flight per account"));
        DidConfig defaults = DidConfig.from(NONE);
        assertThat(defaults.baseUrl()).hasToString("https://api.d-id.com/");
        assertThat(defaults.authScheme()).isEqualTo("Basic");
        assertThat(defaults.key()).isEmpty();
    }

    @Test
    void givenNoSettings_whenCapabilitiesAreAsked_thenTheyAreD_idsWithoutTemplatesStillsOrAKey() {
        ProviderCapabilities caps = new DidPlugin().capabilities(NONE, new DidPlugin().dialect(NONE));
        assertThat(caps.features())
                .containsExactlyInAnyOrder(
                        Feature.VIDEOS,
                        Feature.PHOTO_AVATARS,
                        Feature.AUDIO_SCRIPTS,
                        Feature.CATALOG,
                        Feature.CREDITS,
                        Feature.WEBHOOKS);
        assertThat(caps.idempotentCreate()).isFalse();
        assertThat(caps.bulkStatus()).isFalse();
        assertThat(caps.maxScriptChars()).isEqualTo(40_000);
        assertThat(caps.maxConcurrency()).isEqualTo(3);
        assertThat(new DidPlugin()
                        .capabilities(of(Map.of("DID_MAX_CONCURRENCY", "7")), "")
                        .maxConcurrency())
                .isEqualTo(7);
    }

    @Test
    void givenBadSettings_whenRead_thenTheErrorNamesTheSetting() {
        assertThatThrownBy(() -> DidConfig.from(of(Map.of("DID_MAX_CONCURRENCY", "many"))))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("DID_MAX_CONCURRENCY"));
        assertThatThrownBy(() -> DidConfig.from(of(Map.of("DID_AUTH_SCHEME", "Basic x"))))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("DID_AUTH_SCHEME"));
        assertThatThrownBy(() -> new DidPlugin().validate(of(Map.of("DID_BASE_URL", "ftp://api.d-id.com"))))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("DID_BASE_URL"));
        new DidPlugin().validate(NONE); // no key is fine at start: stored jobs can be read without one
    }

    @Test
    void givenAnotherDialect_whenOpened_thenRefused() {
        assertThatThrownBy(() -> new DidPlugin().open(NONE, "v2", ProviderContext.system()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("v2");
    }

    @Test
    void givenAKeyButNoServer_whenOpened_thenItOpensWithoutIoAndOffersVideosAndEvents() {
        try (Provider provider = new DidPlugin()
                .open(
                        of(Map.of("DID_API_KEY", "k:s", "DID_BASE_URL", "https://did.invalid")),
                        "",
                        ProviderContext.system())) {
            assertThat(provider.name()).isEqualTo("d-id");
            assertThat(provider.dialect()).isEmpty();
            assertThat(provider.videos()).isPresent();
            assertThat(provider.events()).isPresent();
            assertThat(provider.avatars()).isEmpty();
        }
    }
}
