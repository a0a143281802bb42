package dev.avatarkit.heygen;

import static dev.avatarkit.heygen.Transport.Kind.CREATE;
import static dev.avatarkit.heygen.Transport.Kind.READ;
import static dev.avatarkit.heygen.Transport.Kind.UPLOAD;

import dev.avatarkit.core.domain.AssetKind;
import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.IdentitySpec;
import dev.avatarkit.core.domain.ProviderRef;
import dev.avatarkit.core.domain.StillSpec;
import dev.avatarkit.core.port.AvatarProvider;
import dev.avatarkit.core.port.ProviderCapabilities;
import dev.avatarkit.core.port.RenderStatus;
import dev.avatarkit.core.port.ResultFile;
import dev.avatarkit.core.port.Submission;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MultipartBody;

/**
 * {@link AvatarProvider} on v3: an identity is a {@code type:"prompt"} avatar (its base look); each still is one
 * more prompt look with {@code avatar_id} = the base look, so the face stays the same; the still is the look's
 * {@code preview_image_url}, polled via {@code GET /v3/avatars/looks/{id}}. Every create carries the job's key.
 */
final class V3AvatarProvider implements AvatarProvider {
    /**
     * {@code prompt} limit: HeyGen's April 2026 schema says {@code maxLength: 200}, a docs page says 1,000 and the
     * July schema is silent; 200 is safe under all three (heygen-sim/README, "schema decisions").
     */
    static final int MAX_PROMPT_CHARS = 200;

    private final Transport transport;
    private final HeyGenConfig config;
    private final Downloads downloads;
    private final V3Api reads;
    private final V3Api writes;
    private final V3Api uploads;
    private final ReferenceCleanup cleanup;

    V3AvatarProvider(Transport transport, HeyGenConfig config, Downloads downloads) {
        this.transport = transport;
        this.config = config;
        this.downloads = downloads;
        this.reads = transport.service(V3Api.class, READ, false);
        this.writes = transport.service(V3Api.class, CREATE, false);
        this.uploads = transport.service(V3Api.class, UPLOAD, false);
        this.cleanup = new ReferenceCleanup(transport, writes);
    }

    @Override
    public String name() {
        return "heygen";
    }

    @Override
    public ProviderCapabilities capabilities() {
        return new ProviderCapabilities(true, false, MAX_PROMPT_CHARS, config.maxConcurrency());
    }

    /** Multipart {@code file} to {@code POST /v3/assets}; the body streams from {@code content} (≤ 32 MB). */
    @Override
    public String uploadReference(
            IdempotencyKey key, String fileName, String contentType, InputStream content, long size) {
        byte[] bytes = Uploads.readAll(content, size);
        MultipartBody.Part part = MultipartBody.Part.createFormData(
                "file",
                Uploads.safeName(fileName),
                okhttp3.RequestBody.create(bytes, okhttp3.MediaType.parse(contentType)));
        Dtos.V3Asset asset = transport.call(UPLOAD, true, "asset upload", () -> uploads.uploadAsset(key.value(), part));
        String id = asset.assetId() != null ? asset.assetId() : asset.id();
        if (id == null) throw HeyGenVideoProvider.unreadableCreate();
        return id;
    }

    @Override
    public Submission createIdentity(IdempotencyKey key, IdentitySpec spec, List<String> referenceAssetIds) {
        List<V3Requests.ReferenceImage> refs = null;
        if (referenceAssetIds != null && !referenceAssetIds.isEmpty()) {
            refs = new ArrayList<>();
            // the engine passes http(s) references through as URLs and uploads local files first (asset ids)
            for (String ref : referenceAssetIds) {
                boolean url = ref.startsWith("https://") || ref.startsWith("http://");
                refs.add(
                        url
                                ? new V3Requests.ReferenceImage("url", ref, null)
                                : new V3Requests.ReferenceImage("asset_id", null, ref));
            }
        }
        V3Requests.AvatarCreate body =
                new V3Requests.AvatarCreate("prompt", spec.name(), identityPrompt(spec), refs, null);
        Submission submission = create(key, body, "identity create");
        cleanup.track(submission.ref(), referenceAssetIds);
        return submission;
    }

    @Override
    public Submission generateStill(IdempotencyKey key, StillSpec spec) {
        // July 2026 schema: avatar_id is the visual reference and the look joins that look's group (the April
        // schema only had avatar_group_id, which no longer conditions the image — reference changelog, June 2026)
        V3Requests.AvatarCreate body = new V3Requests.AvatarCreate(
                "prompt",
                spec.title(),
                WireRequests.shorten(spec.prompt(), MAX_PROMPT_CHARS),
                null,
                spec.baseLookId()); // ShotPrompt already fits it
        return create(key, body, "still create");
    }

    private Submission create(IdempotencyKey key, V3Requests.AvatarCreate body, String what) {
        Dtos.V3AvatarCreated created = transport.call(CREATE, true, what, () -> writes.createAvatar(key.value(), body));
        if (created.avatarItem() == null || created.avatarItem().id() == null)
            throw HeyGenVideoProvider.unreadableCreate();
        return new Submission(
                new ProviderRef(created.avatarItem().id()), created.avatarItem().status());
    }

    /**
     * The appearance prompt with the optional attributes folded in (v3 has no attribute fields), attributes first
     * (short, and what the identity is), then the appearance, shortened at a word to {@value #MAX_PROMPT_CHARS}.
     */
    static String identityPrompt(IdentitySpec spec) {
        StringBuilder sb = new StringBuilder();
        appendAttr(sb, "age", spec.age());
        appendAttr(sb, "gender", spec.gender());
        appendAttr(sb, "ethnicity", spec.ethnicity());
        appendAttr(sb, "style", spec.style());
        if (!sb.isEmpty()) sb.append("; ");
        return WireRequests.shorten(sb + spec.prompt().strip(), MAX_PROMPT_CHARS);
    }

    private static void appendAttr(StringBuilder sb, String name, String value) {
        if (value == null || value.isBlank()) return;
        if (!sb.isEmpty()) sb.append(", ");
        sb.append(name).append(' ').append(value.strip());
    }

    @Override
    public RenderStatus status(ProviderRef ref) {
        Dtos.V3Look look = transport.call(READ, true, "look status", () -> reads.look(ref.value()));
        // A look without a status but with an image is done (public looks carry no status).
        String raw = look.status() != null ? look.status() : look.previewImageUrl() != null ? "completed" : null;
        RenderStatus status = StatusMapper.status(
                raw,
                StatusMapper.code(look.error()),
                StatusMapper.message(look.error()),
                new StatusMapper.Results()
                        .add(AssetKind.STILL, look.previewImageUrl())
                        .list());
        cleanup.onStatus(ref, status);
        return status;
    }

    @Override
    public InputStream download(ProviderRef ref, ResultFile file) {
        return downloads.open(
                file, () -> status(ref).result(file.kind()).map(ResultFile::url).orElse(null));
    }
}
