package dev.avatarkit.heygen;

import static dev.avatarkit.heygen.Transport.Kind.CREATE;
import static dev.avatarkit.heygen.Transport.Kind.READ;
import static dev.avatarkit.heygen.Transport.Kind.WRITE;

import dev.avatarkit.core.domain.AssetKind;
import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.ProviderRef;
import dev.avatarkit.core.domain.TemplateSpec;
import dev.avatarkit.core.domain.VideoSpec;
import dev.avatarkit.core.port.Catalog;
import dev.avatarkit.core.port.NotFoundException;
import dev.avatarkit.core.port.Page;
import dev.avatarkit.core.port.PageRequest;
import dev.avatarkit.core.port.ProviderCapabilities;
import dev.avatarkit.core.port.RenderStatus;
import dev.avatarkit.core.port.Submission;
import dev.avatarkit.core.port.SubmitRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@link dev.avatarkit.core.port.VideoProvider} on the legacy dialect: {@code POST /v2/video/generate} and
 * {@code /v2/template/{id}/generate} (never retried blindly: no idempotency key exists, so an ambiguous outcome
 * is an {@code OutcomeUnknownException} for the engine to {@link #reconcile}), {@code GET /v1/video_status.get},
 * {@code /v1/video.list} for reconciliation. Legacy catalogues are unpaged; pages are cut here (token = offset).
 */
final class LegacyVideoProvider extends HeyGenVideoProvider {
    static final int MAX_SCENE_CHARS = 1500;
    private final LegacyApi reads;
    private final LegacyApi writes;

    LegacyVideoProvider(Transport transport, HeyGenConfig config, Downloads downloads) {
        super(transport, config, downloads);
        this.reads = transport.service(LegacyApi.class, READ, false);
        this.writes = transport.service(LegacyApi.class, CREATE, false);
    }

    @Override
    public ProviderCapabilities capabilities() {
        return new ProviderCapabilities(false, false, MAX_SCENE_CHARS, config.maxConcurrency());
    }

    @Override
    public Submission submit(SubmitRequest request) {
        Dtos.LegacyVideoId id;
        if (request.spec() instanceof VideoSpec spec) {
            LegacyRequests.VideoGenerate body = LegacyBodies.video(spec, request, MAX_SCENE_CHARS);
            id = transport.call(CREATE, false, "video generate", () -> writes.generate(body));
        } else if (request.spec() instanceof TemplateSpec spec) {
            WireRequests.TemplateGenerate body = WireRequests.TemplateGenerate.of(spec, request, true);
            id = transport.call(
                    CREATE, false, "template generate", () -> writes.generateFromTemplate(spec.templateId(), body));
        } else {
            throw WireRequests.unsupported(
                    "spec",
                    "a video provider renders videos and templates, not "
                            + request.spec().kind());
        }
        if (id.videoId() == null) throw unreadableCreate();
        return new Submission(new ProviderRef(id.videoId()), "waiting");
    }

    @Override
    public RenderStatus status(ProviderRef ref) {
        Dtos.LegacyStatus s = transport.call(READ, true, "video status", () -> reads.status(ref.value()));
        return StatusMapper.status(
                s.status(),
                StatusMapper.code(s.error()),
                StatusMapper.message(s.error()),
                new StatusMapper.Results()
                        .add(AssetKind.VIDEO, s.videoUrl())
                        .add(AssetKind.CAPTIONED_VIDEO, s.videoUrlCaption())
                        .add(AssetKind.CAPTIONS, s.captionUrl())
                        .add(AssetKind.THUMBNAIL, s.thumbnailUrl())
                        .add(AssetKind.GIF, s.gifUrl())
                        .list());
    }

    /** Lists {@code /v1/video.list} (token-paginated, newest first) for our callback id or title suffix. */
    @Override
    public Optional<ProviderRef> reconcile(IdempotencyKey key, Instant since) {
        String token = null;
        for (int page = 0; page < RECONCILE_PAGES; page++) {
            String t = token;
            Dtos.LegacyVideoList list = transport.call(READ, true, "video list", () -> reads.videos(100, t));
            List<Dtos.LegacyListItem> items = list.videos() == null ? List.of() : list.videos();
            boolean allOlder = !items.isEmpty();
            for (Dtos.LegacyListItem item : items) {
                if (key.value().equals(item.callbackId()) || WireRequests.titleCarries(item.videoTitle(), key)) {
                    return Optional.of(new ProviderRef(item.videoId()));
                }
                allOlder &= item.createdAt() != null && olderThan(item.createdAt(), since);
            }
            token = list.token();
            if (token == null || token.isBlank() || allOlder) break;
        }
        return Optional.empty();
    }

    @Override
    public void cancel(ProviderRef ref) {
        try {
            transport.exchange(WRITE, true, "video delete", () -> writes.delete(ref.value()));
        } catch (NotFoundException gone) {
            // unknown refs are ignored by contract
        }
    }

    @Override
    public Page<Catalog.Avatar> avatars(PageRequest page) {
        Dtos.LegacyAvatars a = transport.call(READ, true, "avatars", reads::avatars);
        List<Catalog.Avatar> all = Stream.concat(
                        a.avatars() == null
                                ? Stream.empty()
                                : a.avatars().stream()
                                        .map(x -> new Catalog.Avatar(
                                                x.avatarId(),
                                                x.avatarName(),
                                                x.gender(),
                                                "avatar",
                                                x.previewImageUrl())),
                        a.talkingPhotos() == null
                                ? Stream.empty()
                                : a.talkingPhotos().stream()
                                        .map(x -> new Catalog.Avatar(
                                                x.talkingPhotoId(),
                                                x.talkingPhotoName(),
                                                null,
                                                "talking_photo",
                                                x.previewImageUrl())))
                .toList();
        return slice(all, page);
    }

    @Override
    public Page<Catalog.VoiceEntry> voices(PageRequest page) {
        Dtos.LegacyVoices v = transport.call(READ, true, "voices", reads::voices);
        List<Catalog.VoiceEntry> all = v.voices() == null
                ? List.of()
                : v.voices().stream()
                        .map(x -> new Catalog.VoiceEntry(x.voiceId(), x.name(), x.language(), x.gender()))
                        .toList();
        return slice(all, page);
    }

    @Override
    public Page<Catalog.Template> templates(PageRequest page) {
        Dtos.LegacyTemplates t = transport.call(READ, true, "templates", reads::templates);
        List<Catalog.Template> all = t.templates() == null
                ? List.of()
                : t.templates().stream()
                        .map(x -> new Catalog.Template(x.templateId(), x.name(), x.aspectRatio()))
                        .toList();
        return slice(all, page);
    }

    @Override
    public Catalog.TemplateDetail template(String templateId) {
        Dtos.LegacyTemplateDetail d = transport.call(READ, true, "template", () -> reads.template(templateId));
        List<Catalog.Variable> vars = new ArrayList<>();
        if (d.variables() != null) {
            d.variables().forEach((name, v) -> {
                var type = typeOf(v == null ? null : v.type());
                vars.add(new Catalog.Variable(
                        name, type == null ? dev.avatarkit.core.domain.TemplateVariable.Type.TEXT : type));
            });
        }
        return new Catalog.TemplateDetail(templateId, d.name(), vars);
    }

    /** {@code /v2/user/remaining_quota}: seconds of API quota; 60 s = 1 credit. */
    @Override
    public Catalog.Account account() {
        Dtos.LegacyQuota q = transport.call(READ, true, "quota", reads::quota);
        double credits = q.remainingQuota() == null ? -1 : q.remainingQuota() / 60.0;
        return new Catalog.Account(null, "legacy", credits, "credits", config.maxConcurrency());
    }

    static <T> Page<T> slice(List<T> all, PageRequest page) {
        int from = 0;
        if (page.token() != null) {
            try {
                from = Math.max(0, Integer.parseInt(page.token()));
            } catch (NumberFormatException e) {
                throw WireRequests.unsupported("token", "not a page token of this listing");
            }
        }
        int to = Math.min(all.size(), from + page.limit());
        List<T> items = from >= all.size() ? List.of() : all.subList(from, to);
        return new Page<>(items, to < all.size() ? Integer.toString(to) : null);
    }
}
