package dev.avatarkit.heygen;

import static dev.avatarkit.heygen.Transport.Kind.CREATE;
import static dev.avatarkit.heygen.Transport.Kind.READ;
import static dev.avatarkit.heygen.Transport.Kind.WRITE;

import dev.avatarkit.core.domain.AssetKind;
import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.JobSpec;
import dev.avatarkit.core.domain.ProviderRef;
import dev.avatarkit.core.domain.TemplateSpec;
import dev.avatarkit.core.domain.TemplateVariable;
import dev.avatarkit.core.domain.VideoSpec;
import dev.avatarkit.core.port.Catalog;
import dev.avatarkit.core.port.NotFoundException;
import dev.avatarkit.core.port.Page;
import dev.avatarkit.core.port.PageRequest;
import dev.avatarkit.core.port.ProviderCapabilities;
import dev.avatarkit.core.port.RenderPhase;
import dev.avatarkit.core.port.RenderStatus;
import dev.avatarkit.core.port.Submission;
import dev.avatarkit.core.port.SubmitRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link dev.avatarkit.core.port.VideoProvider} on HeyGen v3: keyed creates, bulk statuses, token paging. */
final class V3VideoProvider extends HeyGenVideoProvider {
    static final int BULK = 100;
    private final V3Api reads;
    private final V3Api writes;

    V3VideoProvider(Transport transport, HeyGenConfig config, Downloads downloads) {
        super(transport, config, downloads);
        this.reads = transport.service(V3Api.class, READ, false);
        this.writes = transport.service(V3Api.class, CREATE, false);
    }

    @Override
    public ProviderCapabilities capabilities() {
        return new ProviderCapabilities(true, true, 5000, config.maxConcurrency());
    }

    /**
     * Template creates are not keyed: HeyGen's July 2026 schema declares {@code Idempotency-Key} on
     * {@code POST /v3/videos} but not on {@code POST /v3/templates/{id}}, so a retried template create may render
     * twice. They are handled like legacy creates: never resent blindly, reconciled by title/callback_id instead.
     */
    @Override
    public ProviderCapabilities capabilities(JobSpec spec) {
        ProviderCapabilities c = capabilities();
        return spec instanceof TemplateSpec
                ? new ProviderCapabilities(false, c.bulkStatus(), c.maxScriptChars(), c.maxConcurrency())
                : c;
    }

    /** Builds the create body without sending it: the body builders refuse what v3 cannot render. */
    @Override
    public void preflight(JobSpec spec) {
        if (spec instanceof VideoSpec video) {
            V3Bodies.video(video, new SubmitRequest(video, IdempotencyKey.derived("preflight", "preflight"), null));
        }
    }

    @Override
    public Submission submit(SubmitRequest request) {
        String key = request.key().value();
        Dtos.V3Video video;
        if (request.spec() instanceof VideoSpec spec) {
            V3Requests.VideoCreate body = V3Bodies.video(spec, request);
            video = transport.call(CREATE, true, "video create", () -> writes.createVideo(key, body));
        } else if (request.spec() instanceof TemplateSpec spec) {
            WireRequests.TemplateGenerate body = WireRequests.TemplateGenerate.of(spec, request, false);
            video = transport.call(
                    CREATE, false, "template generate", () -> writes.generateFromTemplate(spec.templateId(), body));
        } else {
            throw WireRequests.unsupported(
                    "spec",
                    "a video provider renders videos and templates, not "
                            + request.spec().kind());
        }
        if (video.anyId() == null) throw unreadableCreate();
        return new Submission(new ProviderRef(video.anyId()), video.status());
    }

    @Override
    public RenderStatus status(ProviderRef ref) {
        return toStatus(transport.call(READ, true, "video status", () -> reads.video(ref.value())));
    }

    static RenderStatus toStatus(Dtos.V3Video v) {
        String code = v.failureCode() != null ? Envelope.str(v.failureCode()) : StatusMapper.code(v.error());
        String message = v.failureMessage() != null ? v.failureMessage() : StatusMapper.message(v.error());
        return StatusMapper.status(
                v.status(),
                code,
                message,
                new StatusMapper.Results()
                        .add(AssetKind.VIDEO, v.videoUrl())
                        .add(AssetKind.CAPTIONED_VIDEO, v.captionedVideoUrl())
                        .add(AssetKind.CAPTIONS, v.subtitleUrl())
                        .add(AssetKind.THUMBNAIL, v.thumbnailUrl())
                        .add(AssetKind.GIF, v.gifUrl())
                        .list());
    }

    /** {@code GET /v3/videos/statuses}, ≤100 ids a call. Bulk items carry no URLs: read one status before downloading. */
    @Override
    public Map<ProviderRef, RenderStatus> statuses(Collection<ProviderRef> refs) {
        List<ProviderRef> all = new ArrayList<>(new LinkedHashSet<>(refs));
        Map<ProviderRef, RenderStatus> out = new LinkedHashMap<>();
        for (int from = 0; from < all.size(); from += BULK) {
            List<ProviderRef> chunk = all.subList(from, Math.min(all.size(), from + BULK));
            String ids = String.join(",", chunk.stream().map(ProviderRef::value).toList());
            List<Dtos.V3StatusItem> items = transport.call(READ, true, "bulk statuses", () -> reads.statuses(ids));
            for (Dtos.V3StatusItem item : items) {
                if (item.anyId() == null || "not_found".equalsIgnoreCase(item.status())) continue;
                out.put(
                        new ProviderRef(item.anyId()),
                        StatusMapper.status(
                                item.status(),
                                StatusMapper.code(item.error()),
                                StatusMapper.message(item.error()),
                                List.of()));
            }
        }
        return out;
    }

    /**
     * The newest page of {@code GET /v3/videos}, which carries URLs: the statuses of the renders on it as listed.
     * Those not on it are read in bulk, and any of them finished, or listed finished without files, alone for its
     * URLs. A wave's end read, or the URL reads of a wave found together, cost one request where reading each cost
     * one a video.
     */
    @Override
    public Map<ProviderRef, RenderStatus> statusesWithResults(Collection<ProviderRef> refs) {
        Set<ProviderRef> wanted = new LinkedHashSet<>(refs);
        Map<ProviderRef, RenderStatus> out = new LinkedHashMap<>();
        if (wanted.size() > 1) {
            List<Dtos.V3Video> newest = transport.data(
                    transport.exchange(READ, true, "video list", () -> reads.videos(BULK, null)), "video list", false);
            for (Dtos.V3Video v : newest) {
                ProviderRef ref = v.anyId() == null ? null : new ProviderRef(v.anyId());
                if (wanted.contains(ref)) out.put(ref, toStatus(v));
            }
        }
        Set<ProviderRef> unlisted = new LinkedHashSet<>(wanted);
        unlisted.removeAll(out.keySet());
        if (unlisted.size() > 1) out.putAll(statuses(unlisted));
        for (ProviderRef ref : wanted) {
            RenderStatus status = out.get(ref);
            if (status == null && unlisted.size() > 1) continue; // the bulk read did not know it
            if (status != null
                    && !(status.phase() == RenderPhase.SUCCEEDED
                            && status.results().isEmpty())) continue;
            try {
                out.put(ref, status(ref));
            } catch (NotFoundException e) {
                // absent by contract
            }
        }
        return out;
    }

    @Override
    public Optional<ProviderRef> reconcile(IdempotencyKey key, Instant since) {
        String token = null;
        for (int page = 0; page < RECONCILE_PAGES; page++) {
            String t = token;
            Envelope<List<Dtos.V3Video>> env =
                    transport.exchange(READ, true, "video list", () -> reads.videos(BULK, t));
            List<Dtos.V3Video> items = transport.data(env, "video list", false);
            boolean allOlder = !items.isEmpty();
            for (Dtos.V3Video v : items) {
                if (key.value().equals(v.callbackId()) || WireRequests.titleCarries(v.title(), key)) {
                    return Optional.of(new ProviderRef(v.anyId()));
                }
                allOlder &= v.createdAt() != null && olderThan(v.createdAt(), since);
            }
            token = env.nextToken();
            if (token == null || Boolean.FALSE.equals(env.hasMore()) || allOlder) break;
        }
        return Optional.empty();
    }

    @Override
    public void cancel(ProviderRef ref) {
        try {
            transport.exchange(WRITE, true, "video delete", () -> writes.deleteVideo(ref.value()));
        } catch (NotFoundException gone) {
            // unknown refs are ignored by contract
        }
    }

    @Override
    public Page<Catalog.Avatar> avatars(PageRequest page) {
        Envelope<List<Dtos.V3Look>> env = transport.exchange(
                READ, true, "avatar looks", () -> reads.looks(Math.min(page.limit(), 50), page.token()));
        List<Dtos.V3Look> looks = transport.data(env, "avatar looks", false);
        return new Page<>(
                looks.stream()
                        .map(l -> new Catalog.Avatar(l.id(), l.name(), l.gender(), l.avatarType(), l.previewImageUrl()))
                        .toList(),
                next(env));
    }

    @Override
    public Page<Catalog.VoiceEntry> voices(PageRequest page) {
        Envelope<List<Dtos.V3Voice>> env =
                transport.exchange(READ, true, "voices", () -> reads.voices(page.limit(), page.token()));
        List<Dtos.V3Voice> voices = transport.data(env, "voices", false);
        return new Page<>(
                voices.stream()
                        .map(v -> new Catalog.VoiceEntry(v.voiceId(), v.name(), v.language(), v.gender()))
                        .toList(),
                next(env));
    }

    @Override
    public Page<Catalog.Template> templates(PageRequest page) {
        Envelope<List<Dtos.V3Template>> env =
                transport.exchange(READ, true, "templates", () -> reads.templates(page.limit(), page.token()));
        List<Dtos.V3Template> list = transport.data(env, "templates", false);
        return new Page<>(
                list.stream()
                        .map(t -> new Catalog.Template(t.anyId(), t.name(), t.aspectRatio()))
                        .toList(),
                next(env));
    }

    @Override
    public Catalog.TemplateDetail template(String templateId) {
        Dtos.V3TemplateDetail d = transport.call(READ, true, "template", () -> reads.template(templateId));
        Map<String, TemplateVariable.Type> types = new LinkedHashMap<>();
        if (d.scenes() != null) {
            for (Dtos.V3TemplateScene s : d.scenes()) {
                if (s.variables() == null) continue;
                for (Dtos.V3TemplateVar v : s.variables()) {
                    TemplateVariable.Type type = typeOf(v.variableType() != null ? v.variableType() : v.type());
                    if (v.name() != null && type != null) types.putIfAbsent(v.name(), type);
                }
            }
        }
        if (d.variables() != null) {
            d.variables().forEach((name, value) -> {
                Object type = value instanceof Map<?, ?> m ? m.get("type") : null;
                TemplateVariable.Type t = typeOf(type == null ? null : type.toString());
                types.putIfAbsent(name, t == null ? TemplateVariable.Type.TEXT : t);
            });
        }
        List<Catalog.Variable> vars = types.entrySet().stream()
                .map(e -> new Catalog.Variable(e.getKey(), e.getValue()))
                .toList();
        return new Catalog.TemplateDetail(d.id() == null ? templateId : d.id(), d.name(), vars);
    }

    @Override
    public Catalog.Account account() {
        Dtos.V3User u = transport.call(READ, true, "account", reads::me);
        String plan = u.billingType();
        double remaining = -1;
        String unit = "credits";
        if (u.wallet() != null) {
            remaining = number(u.wallet().remainingBalance());
            unit = u.wallet().currency() == null ? "usd" : u.wallet().currency().toString();
        } else if (u.subscription() != null) {
            Dtos.V3Subscription sub = u.subscription();
            plan = sub.plan() == null ? plan : sub.plan().toString();
            boolean hasBalance = sub.credits() != null && sub.credits().premiumCredits() != null;
            remaining = number(hasBalance ? sub.credits().premiumCredits().remaining() : null);
        } else if (u.usageBased() != null) {
            remaining = number(u.usageBased().remainingCredits());
        }
        return new Catalog.Account(
                u.username() != null ? u.username() : u.email(), plan, remaining, unit, config.maxConcurrency());
    }
}
