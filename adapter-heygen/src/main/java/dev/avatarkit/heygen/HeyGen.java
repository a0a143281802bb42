package dev.avatarkit.heygen;

import static dev.avatarkit.heygen.Transport.Kind.CREATE;

import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.Require;
import dev.avatarkit.core.port.AvatarProvider;
import dev.avatarkit.core.port.ProviderCallListener;
import dev.avatarkit.core.port.ProviderEvents;
import dev.avatarkit.core.port.Sleeper;
import dev.avatarkit.core.port.VideoProvider;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

/**
 * The HeyGen adapter: build once per account with {@link #create}, then hand {@link #videos()}, {@link #avatars()}
 * and {@link #events()} to the application. The dialect (v3 or legacy v2) comes from {@link HeyGenConfig#apiVersion()}.
 * Close it on shutdown.
 */
public final class HeyGen implements AutoCloseable {
    private final HeyGenConfig config;
    private final Transport transport;
    private final VideoProvider videos;
    private final AvatarProvider avatars;
    private final ProviderEvents events;

    private HeyGen(
            HeyGenConfig config,
            Clock clock,
            Sleeper sleeper,
            DoubleSupplier jitter,
            Consumer<String> log,
            ProviderCallListener calls) {
        this.config = Require.nonNull(config, "config");
        Require.nonNull(clock, "clock");
        Require.nonNull(sleeper, "sleeper");
        this.transport = new Transport(config, clock, sleeper, jitter, log, Require.nonNull(calls, "calls"));
        Downloads downloads = new Downloads(
                transport.transferClient(), sleeper, config.retry().downloadAttempts());
        if (config.apiVersion() == ApiVersion.V3) {
            this.videos = new V3VideoProvider(transport, config, downloads);
            this.avatars = new V3AvatarProvider(transport, config, downloads);
        } else {
            this.videos = new LegacyVideoProvider(transport, config, downloads);
            this.avatars = new LegacyAvatarProvider(transport, config, downloads);
        }
        this.events = new HeyGenWebhooks(config.webhookSecret(), clock);
    }

    /** The adapter for {@code config}, with real jitter and slf4j logging. */
    public static HeyGen create(HeyGenConfig config, Clock clock, Sleeper sleeper) {
        return create(config, clock, sleeper, ProviderCallListener.NONE);
    }

    /** As {@link #create(HeyGenConfig, Clock, Sleeper)}, telling {@code calls} about every request (for metrics). */
    public static HeyGen create(HeyGenConfig config, Clock clock, Sleeper sleeper, ProviderCallListener calls) {
        return new HeyGen(config, clock, sleeper, null, null, calls);
    }

    /** For tests: fixed jitter and a log sink to inspect. */
    static HeyGen create(
            HeyGenConfig config, Clock clock, Sleeper sleeper, DoubleSupplier jitter, Consumer<String> log) {
        return new HeyGen(config, clock, sleeper, jitter, log, ProviderCallListener.NONE);
    }

    public VideoProvider videos() {
        return videos;
    }

    public AvatarProvider avatars() {
        return avatars;
    }

    public ProviderEvents events() {
        return events;
    }

    public HeyGenConfig config() {
        return config;
    }

    /**
     * Registers a webhook endpoint ({@code POST /v3/webhooks/endpoints}, keyed; legacy {@code /v1/webhook/endpoint.add}).
     * HeyGen checks the URL with a fast OPTIONS request first. {@code events} empty = all events.
     */
    public WebhookEndpoint registerWebhook(IdempotencyKey key, URI url, List<String> events) {
        Require.nonNull(url, "url");
        var body = new WireRequests.WebhookRegister(
                url.toString(), events == null || events.isEmpty() ? null : List.copyOf(events));
        Dtos.WebhookEndpointDto dto;
        if (config.apiVersion() == ApiVersion.V3) {
            V3Api api = transport.service(V3Api.class, CREATE, false);
            dto = transport.call(
                    CREATE,
                    key != null,
                    "webhook register",
                    () -> api.createWebhook(key == null ? null : key.value(), body));
        } else {
            LegacyApi api = transport.service(LegacyApi.class, CREATE, false);
            dto = transport.call(CREATE, false, "webhook register", () -> api.addWebhook(body));
        }
        return new WebhookEndpoint(dto.endpointId(), dto.url(), dto.secret());
    }

    @Override
    public void close() {
        transport.close();
    }
}
