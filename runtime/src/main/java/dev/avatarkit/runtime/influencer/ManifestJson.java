package dev.avatarkit.runtime.influencer;

import com.squareup.moshi.JsonWriter;
import dev.avatarkit.core.domain.AssetKind;
import dev.avatarkit.core.domain.IdentitySpec;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobError;
import dev.avatarkit.core.domain.Shot;
import dev.avatarkit.core.domain.StillSpec;
import dev.avatarkit.core.domain.StoredAsset;
import dev.avatarkit.core.influencer.ReferenceImages;
import dev.avatarkit.core.port.InfluencerFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import okio.Buffer;

/**
 * The identity's {@code manifest.json}: who it is, then one entry per shot in order — the prompt sent, the
 * provider's look id, the job's state, and for stored stills the storage key, sha256, size and pixel size. Written
 * with Moshi's streaming writer, nulls included (a missing field reads as "not there yet", null as "none").
 * Local reference paths are reduced to their file name and URL query strings dropped (they may be signed).
 */
final class ManifestJson {
    static final int VERSION = 1;

    private ManifestJson() {}

    static byte[] write(InfluencerFiles.Manifest m) {
        Buffer out = new Buffer();
        try (JsonWriter json = JsonWriter.of(out)) {
            json.setIndent("  ");
            json.setSerializeNulls(true);
            Job identity = m.identity();
            IdentitySpec spec = (IdentitySpec) identity.spec();
            json.beginObject();
            json.name("manifestVersion").value(VERSION);
            json.name("generatedAt").value(m.generatedAt().toString());
            json.name("identity").beginObject();
            json.name("id").value(identity.id().value());
            json.name("name").value(spec.name());
            json.name("prompt").value(spec.prompt());
            json.name("attributes").beginObject();
            json.name("age").value(spec.age()).name("gender").value(spec.gender());
            json.name("ethnicity").value(spec.ethnicity()).name("style").value(spec.style());
            json.endObject();
            json.name("references").beginArray();
            for (String reference : spec.references()) json.value(displayReference(reference));
            json.endArray();
            json.name("state").value(identity.state().name());
            json.name("baseLookId")
                    .value(
                            identity.providerRef() == null
                                    ? null
                                    : identity.providerRef().value());
            asset(json, "baseStill", identity.asset(AssetKind.STILL).orElse(null));
            error(json, identity.error());
            json.endObject();
            json.name("counts").beginObject();
            json.name("shots").value(m.shots().size());
            json.name("stored")
                    .value(m.shots().stream().filter(e -> e.asset() != null).count());
            json.name("states").beginObject();
            for (var state : m.states().entrySet()) json.name(state.getKey()).value(state.getValue());
            json.endObject().endObject();
            json.name("contactSheet").value(m.contactSheet().value());
            json.name("stills").beginArray();
            for (InfluencerFiles.ShotEntry entry : m.shots()) still(json, entry);
            json.endArray().endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a Buffer does not fail; JsonWriter declares it anyway
        }
        return out.readByteArray();
    }

    private static void still(JsonWriter json, InfluencerFiles.ShotEntry entry) throws IOException {
        Shot shot = entry.shot();
        Job job = entry.job();
        StillSpec spec = job == null ? null : (StillSpec) job.spec();
        json.beginObject();
        json.name("index")
                .value(shot.index())
                .name("slug")
                .value(shot.slug())
                .name("fileStem")
                .value(shot.fileStem());
        json.name("angle").value(shot.angle()).name("framing").value(shot.framing());
        json.name("expression").value(shot.expression()).name("setting").value(shot.setting());
        json.name("prompt").value(spec == null ? null : spec.prompt());
        json.name("jobId").value(job == null ? null : job.id().value());
        json.name("state").value(job == null ? "NOT_CREATED" : job.state().name());
        json.name("lookId")
                .value(
                        job == null || job.providerRef() == null
                                ? null
                                : job.providerRef().value());
        json.name("baseLookId").value(spec == null ? null : spec.baseLookId());
        asset(json, "file", entry.asset());
        if (entry.size() != null)
            json.name("width")
                    .value(entry.size().width())
                    .name("height")
                    .value(entry.size().height());
        error(json, job == null ? null : job.error());
        json.endObject();
    }

    private static void asset(JsonWriter json, String name, StoredAsset asset) throws IOException {
        json.name(name);
        if (asset == null) {
            json.nullValue();
            return;
        }
        json.beginObject()
                .name("key")
                .value(asset.key().value())
                .name("sha256")
                .value(asset.sha256())
                .name("size")
                .value(asset.size())
                .name("contentType")
                .value(asset.contentType())
                .endObject();
    }

    private static void error(JsonWriter json, JobError error) throws IOException {
        json.name("error");
        if (error == null) json.nullValue();
        else
            json.beginObject()
                    .name("code")
                    .value(error.code())
                    .name("message")
                    .value(error.message())
                    .endObject();
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
