package dev.avatarkit.did;

import dev.avatarkit.core.port.ProviderCapabilities;
import dev.avatarkit.core.port.ProviderEvents;
import dev.avatarkit.core.port.VideoProvider;
import dev.avatarkit.core.spi.Provider;
import dev.avatarkit.core.spi.ProviderContext;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An opened D-ID provider: videos and webhook hints; no {@code AvatarProvider} (see {@link DidPlugin}). */
final class DidProvider implements Provider {
    private static final Logger LOG = LoggerFactory.getLogger(DidProvider.class);

    private final DidHttp http;
    private final DidVideoProvider videos;
    private final DidWebhooks events = new DidWebhooks();

    DidProvider(DidConfig config, ProviderContext context) {
        this(config, context, LOG::debug);
    }

    /** {@code log} receives one line per exchange (method, URL without query, outcome, time), never a header. */
    DidProvider(DidConfig config, ProviderContext context, Consumer<String> log) {
        this.http = new DidHttp(config, context, log);
        this.videos = new DidVideoProvider(http, DidPlugin.capabilities(config.maxConcurrency()));
    }

    @Override
    public String name() {
        return DidPlugin.NAME;
    }

    @Override
    public String dialect() {
        return "";
    }

    @Override
    public ProviderCapabilities capabilities() {
        return videos.capabilities();
    }

    @Override
    public Optional<VideoProvider> videos() {
        return Optional.of(videos);
    }

    @Override
    public Optional<ProviderEvents> events() {
        return Optional.of(events);
    }

    @Override
    public void close() {
        http.close();
    }
}
