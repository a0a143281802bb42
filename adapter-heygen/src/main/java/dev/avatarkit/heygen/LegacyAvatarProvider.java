package dev.avatarkit.heygen;

import static dev.avatarkit.heygen.Transport.Kind.CREATE;
import static dev.avatarkit.heygen.Transport.Kind.READ;
import static dev.avatarkit.heygen.Transport.Kind.UPLOAD;

import dev.avatarkit.core.domain.AssetKind;
import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.IdentitySpec;
import dev.avatarkit.core.domain.JobError;
import dev.avatarkit.core.domain.ProviderRef;
import dev.avatarkit.core.domain.StillSpec;
import dev.avatarkit.core.port.AvatarProvider;
import dev.avatarkit.core.port.InsufficientCreditException;
import dev.avatarkit.core.port.InvalidRequestException;
import dev.avatarkit.core.port.NotFoundException;
import dev.avatarkit.core.port.OutcomeUnknownException;
import dev.avatarkit.core.port.ProviderCapabilities;
import dev.avatarkit.core.port.ProviderException;
import dev.avatarkit.core.port.ProviderUnavailableException;
import dev.avatarkit.core.port.RenderPhase;
import dev.avatarkit.core.port.RenderStatus;
import dev.avatarkit.core.port.ResultFile;
import dev.avatarkit.core.port.Submission;
import dev.avatarkit.core.port.UnauthorizedException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import retrofit2.Call;

/**
 * {@link AvatarProvider} on the legacy v2 photo-avatar routes (reference §8.1). The identity is a <em>trained avatar
 * group</em>, made in phases the engine polls through — no thread waits for HeyGen:
 * <ol>
 *   <li>{@link #createIdentity} sends {@code photo/generate} and returns at once with {@code photo:<generation_id>};</li>
 *   <li>{@link #status} of that ref reads the generation; once it has an {@code image_key} it creates the group from it
 *       and sends {@code train}, and hands the engine the successor ref {@code group:<group_id>:<generation_id>}
 *       ({@code untrained:…} when {@code train} has to be sent again);</li>
 *   <li>{@link #status} of a group ref maps {@code train/status}; once {@code ready}, the STILL is the generation's
 *       first image (the one the group was made from).</li>
 * </ol>
 * A still is a {@code look/generate} on the group, ref {@code gen:<generation_id>}.
 *
 * <p>Creates are not keyed, so none is retried blindly: a status read that creates the group does so once per
 * successful generation, and an ambiguous failure of it fails the identity naming what may exist (never resent);
 * definite refusals fail it with their reason. Identities from reference photos create and train the group at once
 * (no waiting is needed there); an ambiguous failure after something was made is an {@link OutcomeUnknownException}
 * naming it, so the engine reconciles instead of paying again.
 */
final class LegacyAvatarProvider implements AvatarProvider {
    static final String PHOTO = "photo:";
    static final String UNTRAINED = "untrained:";
    static final String GROUP = "group:";
    static final String GEN = "gen:";

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

    /**
     * Raw bytes to {@code HEYGEN_UPLOAD_URL/v1/asset} with the file's MIME type. Returns the {@code image_key}: the
     * only thing the legacy photo-avatar flow can take a picture by (reference §6.1, §8.2).
     */
    @Override
    public String uploadReference(
            IdempotencyKey key, String fileName, String contentType, InputStream content, long size) {
        byte[] bytes = Uploads.readAll(content, size);
        RequestBody body = RequestBody.create(bytes, MediaType.parse(contentType));
        Dtos.LegacyAsset asset = transport.call(UPLOAD, false, "asset upload", () -> uploads.upload(body));
        if (asset.id() == null) throw HeyGenVideoProvider.unreadableCreate();
        if (asset.imageKey() == null || asset.imageKey().isBlank()) {
            throw new InvalidRequestException(
                    "HeyGen asset upload: " + fileName + " is not an image (no image_key); "
                            + "legacy photo avatars are made from images",
                    "reference",
                    200,
                    "not_an_image",
                    null,
                    null);
        }
        return asset.imageKey();
    }

    /**
     * Without references: starts the photo generation and returns; {@link #status} takes it from there. With
     * references (uploaded images, as {@code image_key}s): the group is made from them at once (create with the first,
     * add the rest) → train; the prompt and attributes are then unused, as the legacy flow takes photos or attributes,
     * not both.
     */
    @Override
    public Submission createIdentity(IdempotencyKey key, IdentitySpec spec, List<String> referenceAssetIds) {
        if (referenceAssetIds != null && !referenceAssetIds.isEmpty())
            return identityFromPhotos(spec, referenceAssetIds);
        LegacyRequests.PhotoGenerate photo = new LegacyRequests.PhotoGenerate(
                spec.name(),
                LegacyEnums.age(spec.age()),
                LegacyEnums.gender(spec.gender()),
                LegacyEnums.ethnicity(spec.ethnicity()),
                "square",
                "half_body",
                LegacyEnums.style(spec.style()),
                spec.prompt());
        String generationId = startGeneration(() -> writes.generatePhoto(photo), "identity photo generate");
        // the group is named after the identity; the ref carries the name (bounded) because status() sees only the ref
        return new Submission(
                new ProviderRef(PHOTO + generationId + ":" + WireRequests.shorten(spec.name(), 100)), "generating");
    }

    private Submission identityFromPhotos(IdentitySpec spec, List<String> imageKeys) {
        if (imageKeys.stream().anyMatch(k -> k.startsWith("http://") || k.startsWith("https://"))) {
            throw WireRequests.unsupported(
                    "reference",
                    "legacy photo avatars are made from uploaded image files; "
                            + "pass local files (they are uploaded for their image_key) or use the v3 dialect for URLs");
        }
        LegacyRequests.GroupCreate group = new LegacyRequests.GroupCreate(spec.name(), imageKeys.get(0), null);
        String what = "avatar group create (from reference photos)";
        Dtos.LegacyPhotoLook look = transport.call(CREATE, false, what, () -> writes.createGroup(group));
        if (look.groupId() == null || look.groupId().isBlank()) {
            throw new OutcomeUnknownException(
                    "HeyGen " + what + ": no group_id in the response; the group may exist", 200, null, null, null);
        }
        String groupId = look.groupId();
        if (imageKeys.size() > 1) {
            LegacyRequests.GroupAdd add = new LegacyRequests.GroupAdd(
                    groupId, List.copyOf(imageKeys.subList(1, imageKeys.size())), spec.name());
            String addWhat = "avatar group add (group " + groupId + ")";
            afterPaid(
                    "avatar group " + groupId,
                    () -> transport.exchange(CREATE, false, addWhat, () -> writes.addToGroup(add)));
        }
        String trainWhat = "avatar group train (group " + groupId + ")";
        afterPaid(
                "untrained avatar group " + groupId,
                () -> transport.exchange(
                        CREATE, false, trainWhat, () -> writes.train(new LegacyRequests.Train(groupId))));
        return new Submission(new ProviderRef(GROUP + groupId), "training");
    }

    @Override
    public Submission generateStill(IdempotencyKey key, StillSpec spec) {
        String framing = spec.shot().framing().toLowerCase(Locale.ROOT);
        String pose = framing.contains("full") ? "full_body" : framing.contains("close") ? "close_up" : "half_body";
        LegacyRequests.LookGenerate body =
                new LegacyRequests.LookGenerate(groupId(spec.baseLookId()), spec.prompt(), "square", pose, "Realistic");
        String id = startGeneration(() -> writes.generateLook(body), "still create");
        return new Submission(new ProviderRef(GEN + id), "in_progress");
    }

    private String startGeneration(Supplier<Call<Envelope<Dtos.LegacyGenerationId>>> call, String what) {
        Dtos.LegacyGenerationId id = transport.call(CREATE, false, what, call);
        if (id.generationId() == null || id.generationId().isBlank()) throw HeyGenVideoProvider.unreadableCreate();
        return id.generationId();
    }

    /**
     * Runs a step after {@code paid} exists. Definite refusals (bad request, auth, credit, not found) stay what they
     * are: the job fails. Anything the engine would retry (429 after the transport's retries, 5xx, IO) becomes an
     * {@link OutcomeUnknownException} naming what was made (an ambiguous one too, with that note added), so the engine
     * reconciles instead of paying again.
     */
    private <T> T afterPaid(String paid, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (InvalidRequestException | UnauthorizedException | InsufficientCreditException | NotFoundException e) {
            throw e;
        } catch (ProviderException e) {
            throw new OutcomeUnknownException(
                    e.getMessage() + " — already made: " + paid + "; not repeated automatically",
                    e.httpStatus(),
                    e.providerCode(),
                    e.requestId(),
                    null);
        }
    }

    @Override
    public RenderStatus status(ProviderRef ref) {
        String value = ref.value();
        if (value.startsWith(PHOTO)) return photoStatus(value.substring(PHOTO.length()));
        if (value.startsWith(UNTRAINED)) return train(value.substring(UNTRAINED.length()));
        if (value.startsWith(GROUP)) return groupStatus(value);
        String id =
                value.startsWith(GEN) ? value.substring(GEN.length()) : value; // bare id: refs from before the prefixes
        Dtos.LegacyGeneration g = generation(id);
        String image = first(g.imageUrlList());
        boolean failed = StatusMapper.phase(g.status()).isFinished() && image == null;
        return StatusMapper.status(
                g.status(),
                null,
                failed ? g.msg() : null,
                new StatusMapper.Results().add(AssetKind.STILL, image).list());
    }

    /**
     * Phase 1, {@code <generation_id>:<name>}: the identity's photo. Running while HeyGen generates; once it has an
     * {@code image_key}, the group is created from it (the one create a status read makes) and trained.
     */
    private RenderStatus photoStatus(String rest) {
        int colon = rest.indexOf(':');
        String generationId = colon < 0 ? rest : rest.substring(0, colon);
        String name = colon < 0 ? "avatarkit" : rest.substring(colon + 1);
        Dtos.LegacyGeneration g = generation(generationId);
        RenderPhase phase = StatusMapper.phase(g.status());
        String imageKey = first(g.imageKeyList());
        if (!phase.isFinished()) return RenderStatus.running("generating");
        if (phase != RenderPhase.SUCCEEDED || imageKey == null) {
            return failed(
                    "generation_failed",
                    "HeyGen identity: photo generation " + generationId + " failed"
                            + (g.msg() == null ? "" : ": " + Redaction.text(g.msg())));
        }
        String what = "avatar group create (after photo generation " + generationId + ")";
        Dtos.LegacyPhotoLook look;
        try {
            look = transport.call(
                    CREATE,
                    false,
                    what,
                    () -> writes.createGroup(new LegacyRequests.GroupCreate(name, imageKey, generationId)));
        } catch (InvalidRequestException
                | UnauthorizedException
                | InsufficientCreditException
                | NotFoundException
                | OutcomeUnknownException e) {
            // refused, or maybe made: either way not sent again (a second group would be a second identity)
            return failed(
                    e instanceof OutcomeUnknownException ? "outcome_unknown" : "group_create_failed",
                    e.getMessage() + (e instanceof OutcomeUnknownException ? " — not repeated automatically" : ""));
        }
        if (look.groupId() == null || look.groupId().isBlank()) {
            return failed("outcome_unknown", "HeyGen " + what + ": no group_id in the response; the group may exist");
        }
        return train(look.groupId() + ":" + generationId);
    }

    /**
     * Phase 2, {@code <group_id>:<generation_id>}: sends {@code train}. A transient failure keeps the phase (the next
     * poll sends it again: training a group twice makes nothing new); a definite refusal fails the identity.
     */
    private RenderStatus train(String groupAndGeneration) {
        String groupId = groupAndGeneration.substring(0, groupAndGeneration.indexOf(':'));
        String trainWhat = "avatar group train (group " + groupId + ")";
        try {
            transport.exchange(CREATE, false, trainWhat, () -> writes.train(new LegacyRequests.Train(groupId)));
        } catch (InvalidRequestException | UnauthorizedException | InsufficientCreditException | NotFoundException e) {
            return failed("train_failed", e.getMessage());
        } catch (ProviderException transientFailure) {
            return RenderStatus.running("group created").movedTo(new ProviderRef(UNTRAINED + groupAndGeneration));
        }
        return RenderStatus.running("training").movedTo(new ProviderRef(GROUP + groupAndGeneration));
    }

    private static RenderStatus failed(String code, String message) {
        return new RenderStatus(RenderPhase.FAILED, "failed", List.of(), new JobError(code, message, false), null);
    }

    private RenderStatus groupStatus(String ref) {
        String rest = ref.substring(GROUP.length());
        int colon = rest.indexOf(':');
        String groupId = colon < 0 ? rest : rest.substring(0, colon);
        String generationId = colon < 0 ? null : rest.substring(colon + 1);
        Dtos.LegacyTrainStatus train = transport.call(READ, true, "train status", () -> reads.trainStatus(groupId));
        RenderPhase phase = StatusMapper.phase(train.status());
        if (phase == RenderPhase.FAILED) return StatusMapper.status(train.status(), null, train.errorMsg(), List.of());
        if (phase != RenderPhase.SUCCEEDED) return StatusMapper.status(train.status(), null, null, List.of());
        String image = generationId == null || generationId.isBlank()
                ? groupImage(groupId)
                : first(generation(generationId).imageUrlList());
        if (image == null) {
            throw new ProviderUnavailableException(
                    "HeyGen train status: group " + groupId + " is ready but its image is not listed yet",
                    200,
                    null,
                    null,
                    null);
        }
        return StatusMapper.status(
                train.status(),
                null,
                null,
                new StatusMapper.Results().add(AssetKind.STILL, image).list());
    }

    /** The group's first look image, for a {@code group:} ref without the generation it was made from. */
    private String groupImage(String groupId) {
        Dtos.LegacyGroupAvatars list = transport.call(READ, true, "group avatars", () -> reads.groupAvatars(groupId));
        if (list.avatarList() == null) return null;
        return list.avatarList().stream()
                .map(Dtos.LegacyPhotoLook::imageUrl)
                .filter(u -> u != null && !u.isBlank())
                .findFirst()
                .orElse(null);
    }

    private Dtos.LegacyGeneration generation(String id) {
        return transport.call(READ, true, "generation status", () -> reads.generation(id));
    }

    /** The group id of an identity ref ({@code group:<group_id>[:<generation_id>]}); a bare id is taken as a group id. */
    static String groupId(String identityRef) {
        if (identityRef == null || !identityRef.startsWith(GROUP)) return identityRef;
        String rest = identityRef.substring(GROUP.length());
        int colon = rest.indexOf(':');
        return colon < 0 ? rest : rest.substring(0, colon);
    }

    @Override
    public InputStream download(ProviderRef ref, ResultFile file) {
        return downloads.open(
                file, () -> status(ref).result(file.kind()).map(ResultFile::url).orElse(null));
    }

    private static String first(List<String> values) {
        if (values == null) return null;
        for (String v : values) if (v != null && !v.isBlank()) return v;
        return null;
    }
}
