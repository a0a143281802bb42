package dev.avatarkit.core.spi;

import dev.avatarkit.core.domain.ProviderRoute;
import dev.avatarkit.core.port.AvatarProvider;
import dev.avatarkit.core.port.ProviderCapabilities;
import dev.avatarkit.core.port.ProviderEvents;
import dev.avatarkit.core.port.VideoProvider;
import java.util.List;
import java.util.Optional;

/**
 * A directory of one provider that serves every route: for embedders and tests that hand the engine a video and/or
 * avatar provider directly.
 */
public final class SingleProvider implements ProviderDirectory, Provider {
    private final VideoProvider video;
    private final AvatarProvider avatar;
    private final ProviderEvents events;

    public SingleProvider(VideoProvider video, AvatarProvider avatar, ProviderEvents events) {
        if (video == null && avatar == null) throw new IllegalArgumentException("give a video or an avatar provider");
        this.video = video;
        this.avatar = avatar;
        this.events = events;
    }

    public SingleProvider(VideoProvider video, AvatarProvider avatar) {
        this(video, avatar, null);
    }

    @Override
    public String name() {
        return video != null ? video.name() : avatar.name();
    }

    @Override
    public String dialect() {
        return "";
    }

    @Override
    public ProviderCapabilities capabilities() {
        return video != null ? video.capabilities() : avatar.capabilities();
    }

    @Override
    public Optional<VideoProvider> videos() {
        return Optional.ofNullable(video);
    }

    @Override
    public Optional<AvatarProvider> avatars() {
        return Optional.ofNullable(avatar);
    }

    @Override
    public Optional<ProviderEvents> events() {
        return Optional.ofNullable(events);
    }

    @Override
    public ProviderRoute defaultRoute() {
        return ProviderRoute.of(name());
    }

    @Override
    public ProviderRoute routeFor(String provider) {
        return ProviderRoute.of(provider);
    }

    @Override
    public Provider open(ProviderRoute route) {
        return this;
    }

    @Override
    public ProviderCapabilities capabilities(ProviderRoute route) {
        return capabilities();
    }

    @Override
    public List<String> names() {
        return List.of(name());
    }
}
