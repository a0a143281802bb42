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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.RequestBody;

/**
 * {@link AvatarProvider} on the legacy v2 photo-avatar routes: the identity is a {@code photo/generate} generation
 * (its first image is the base still); a still is a {@code look/generate} generation on the trained group whose id
 * the caller passes as {@link StillSpec#baseLookId()}. Creates are not keyed, so they are never retried blindly.
 */
final class LegacyAvatarProvider implements AvatarProvider {
    private final Transport transport;
    private final HeyGenConfig config;
    private final Downloads downloads;
    private final LegacyApi reads;
    private final LegacyApi writes;
    private final LegacyApi uploads;

    LegacyAvatarProvider(Transport transport, HeyGenConfig config, Downloads downloads) {
        this.transport = transport;
        this.config = config;
        this.downloads = downloads;
        this.reads = transport.service(LegacyApi.class, READ, false);
        this.writes = transport.service(LegacyApi.class, CREATE, false);
        this.uploads = transport.service(LegacyApi.class, UPLOAD, true);
    }

    @Override
    public String name() {
        return "heygen";
    }

    @Override
    public ProviderCapabilities capabilities() {
        return new ProviderCapabilities(false, false, IdentitySpec.MAX_PROMPT_CHARS, config.maxConcurrency());
    }

    /** Raw bytes to {@code HEYGEN_UPLOAD_URL/v1/asset} with the file's MIME type. */
    @Override
    public String uploadReference(IdempotencyKey key, String fileName, String contentType, InputStream content, long size) {
        byte[] bytes = Uploads.readAll(content, size);
        RequestBody body = RequestBody.create(bytes, MediaType.parse(contentType));
        Envelope env = transport.call(UPLOAD, false, "asset upload", () -> uploads.upload(body));
        Dtos.LegacyAsset asset = transport.data(env, Dtos.LegacyAsset.class, "asset upload", true);
        if (asset.id() == null) throw HeyGenVideoProvider.unreadableCreate();
        return asset.id();
    }

    @Override
    public Submission createIdentity(IdempotencyKey key, IdentitySpec spec, List<String> referenceAssetIds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", spec.name());
        body.put("age", orDefault(spec.age(), "Unspecified"));
        body.put("gender", orDefault(spec.gender(), "Unspecified"));
        body.put("ethnicity", orDefault(spec.ethnicity(), "Unspecified"));
        body.put("orientation", "square");
        body.put("pose", "half_body");
        body.put("style", orDefault(spec.style(), "Realistic"));
        body.put("appearance", spec.prompt());
        return generation(() -> writes.generatePhoto(body), "identity create");
    }

    @Override
    public Submission generateStill(IdempotencyKey key, StillSpec spec) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("group_id", spec.baseLookId());
        body.put("prompt", spec.prompt());
        String framing = spec.shot().framing().toLowerCase(Locale.ROOT);
        body.put("orientation", "square");
        body.put("pose", framing.contains("full") ? "full_body" : framing.contains("close") ? "close_up" : "half_body");
        body.put("style", "Realistic");
        return generation(() -> writes.generateLook(body), "still create");
    }

    private Submission generation(java.util.function.Supplier<retrofit2.Call<okhttp3.ResponseBody>> call, String what) {
        Envelope env = transport.call(CREATE, false, what, call);
        Dtos.LegacyGenerationId id = transport.data(env, Dtos.LegacyGenerationId.class, what, true);
        if (id.generationId() == null) throw HeyGenVideoProvider.unreadableCreate();
        return new Submission(new ProviderRef(id.generationId()), "in_progress");
    }

    @Override
    public RenderStatus status(ProviderRef ref) {
        Envelope env = transport.call(READ, true, "generation status", () -> reads.generation(ref.value()));
        Dtos.LegacyGeneration g = transport.data(env, Dtos.LegacyGeneration.class, "generation status", false);
        String image = g.imageUrlList() == null || g.imageUrlList().isEmpty() ? null : g.imageUrlList().get(0);
        boolean failed = StatusMapper.phase(g.status()).isFinished() && image == null;
        return StatusMapper.status(g.status(), null, failed ? g.msg() : null,
                new StatusMapper.Results().add(AssetKind.STILL, image).list());
    }

    @Override
    public InputStream download(ProviderRef ref, ResultFile file) {
        return downloads.open(file, () -> status(ref).result(file.kind()).map(ResultFile::url).orElse(null));
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
