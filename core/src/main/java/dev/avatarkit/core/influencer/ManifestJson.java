package dev.avatarkit.core.influencer;

import dev.avatarkit.core.domain.AssetKey;
import dev.avatarkit.core.domain.AssetKind;
import dev.avatarkit.core.domain.IdentitySpec;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobError;
import dev.avatarkit.core.domain.Shot;
import dev.avatarkit.core.domain.StillSpec;
import dev.avatarkit.core.domain.StoredAsset;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The identity's {@code manifest.json}: who it is, then one entry per shot in order — the prompt sent, the
 * provider's look id, the job's state, and for stored stills the storage key, sha256, size and pixel size.
 * Local reference paths are reduced to their file name and URL query strings dropped (they may be signed).
 */
final class ManifestJson {
    static final int VERSION = 1;

    /** One shot as the manifest reports it; {@code job}, {@code asset} and the dimensions may be null. */
    record Entry(Shot shot, Job job, StoredAsset asset, Integer width, Integer height) {}

    private ManifestJson() {}

    static String write(Job identity, List<Entry> entries, Map<String, Integer> states, AssetKey contactSheet,
                        Instant generatedAt) {
        IdentitySpec spec = (IdentitySpec) identity.spec();
        JsonWriter json = new JsonWriter().beginObject()
                .field("manifestVersion", VERSION)
                .field("generatedAt", generatedAt.toString())
                .name("identity").beginObject()
                .field("id", identity.id().value())
                .field("name", spec.name())
                .field("prompt", spec.prompt())
                .name("attributes").beginObject()
                .field("age", spec.age()).field("gender", spec.gender())
                .field("ethnicity", spec.ethnicity()).field("style", spec.style())
                .endObject()
                .name("references").beginArray();
        for (String reference : spec.references()) json.value(displayReference(reference));
        json.endArray()
                .field("state", identity.state().name())
                .field("baseLookId", identity.providerRef() == null ? null : identity.providerRef().value());
        asset(json, "baseStill", identity.asset(AssetKind.STILL).orElse(null));
        error(json, identity.error());
        json.endObject();
        json.name("counts").beginObject().field("shots", entries.size())
                .field("stored", entries.stream().filter(e -> e.asset() != null).count())
                .name("states").beginObject();
        states.forEach(json::field);
        json.endObject().endObject();
        json.field("contactSheet", contactSheet.value());
        json.name("stills").beginArray();
        for (Entry entry : entries) still(json, entry);
        return json.endArray().endObject().toJson();
    }

    private static void still(JsonWriter json, Entry entry) {
        Shot shot = entry.shot();
        Job job = entry.job();
        json.beginObject()
                .field("index", shot.index()).field("slug", shot.slug()).field("fileStem", shot.fileStem())
                .field("angle", shot.angle()).field("framing", shot.framing())
                .field("expression", shot.expression()).field("setting", shot.setting())
                .field("prompt", job == null ? null : ((StillSpec) job.spec()).prompt())
                .field("jobId", job == null ? null : job.id().value())
                .field("state", job == null ? "NOT_CREATED" : job.state().name())
                .field("lookId", job == null || job.providerRef() == null ? null : job.providerRef().value())
                .field("baseLookId", job == null ? null : ((StillSpec) job.spec()).baseLookId());
        asset(json, "file", entry.asset());
        if (entry.width() != null) json.field("width", entry.width()).field("height", entry.height());
        error(json, job == null ? null : job.error());
        json.endObject();
    }

    private static void asset(JsonWriter json, String name, StoredAsset asset) {
        json.name(name);
        if (asset == null) {
            json.nullValue();
            return;
        }
        json.beginObject().field("key", asset.key().value()).field("sha256", asset.sha256())
                .field("size", asset.size()).field("contentType", asset.contentType()).endObject();
    }

    private static void error(JsonWriter json, JobError error) {
        json.name("error");
        if (error == null) json.nullValue();
        else json.beginObject().field("code", error.code()).field("message", error.message()).endObject();
    }

    static String displayReference(String reference) {
        if (ReferenceImages.isUrl(reference)) {
            int query = reference.indexOf('?');
            return query < 0 ? reference : reference.substring(0, query);
        }
        String name = reference.replace('\\', '/');
        return name.substring(name.lastIndexOf('/') + 1);
    }
}
