package dev.avatarkit.storage.jdbc;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import dev.avatarkit.core.domain.AssetKey;
import dev.avatarkit.core.domain.Background;
import dev.avatarkit.core.domain.Character;
import dev.avatarkit.core.domain.IdentitySpec;
import dev.avatarkit.core.domain.JobError;
import dev.avatarkit.core.domain.JobSpec;
import dev.avatarkit.core.domain.StillSpec;
import dev.avatarkit.core.domain.StoredAsset;
import dev.avatarkit.core.domain.TemplateSpec;
import dev.avatarkit.core.domain.VideoSpec;
import dev.avatarkit.core.domain.Voice;
import dev.avatarkit.core.port.StorageException;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * The JSON columns of {@code jobs}: spec, assets, error and warning. Sealed hierarchies carry a {@code "type"}
 * label (the labels are stored data: never rename one); records map component by component; ids, keys, URIs
 * and instants are plain strings.
 */
final class JobJson {
    private final JsonAdapter<JobSpec> spec;
    private final JsonAdapter<List<StoredAsset>> assets;
    private final JsonAdapter<JobError> error;

    JobJson() {
        Moshi moshi = new Moshi.Builder()
                .add(SealedJsonAdapterFactory.of(JobSpec.class)
                        .with(VideoSpec.class, "video")
                        .with(TemplateSpec.class, "template")
                        .with(IdentitySpec.class, "identity")
                        .with(StillSpec.class, "still"))
                .add(SealedJsonAdapterFactory.of(Character.class)
                        .with(Character.Avatar.class, "avatar")
                        .with(Character.TalkingPhoto.class, "talking_photo")
                        .with(Character.Image.class, "image"))
                .add(SealedJsonAdapterFactory.of(Voice.class)
                        .with(Voice.Text.class, "text")
                        .with(Voice.Audio.class, "audio")
                        .with(Voice.Silence.class, "silence"))
                .add(SealedJsonAdapterFactory.of(Background.class)
                        .with(Background.Color.class, "color")
                        .with(Background.Image.class, "image")
                        .with(Background.Video.class, "video"))
                .add(Instant.class, new StringAdapter<>(Instant::parse, Instant::toString).nullSafe())
                .add(URI.class, new StringAdapter<>(URI::create, URI::toString).nullSafe())
                .add(AssetKey.class, new StringAdapter<>(AssetKey::new, AssetKey::value).nullSafe())
                .build();
        spec = moshi.adapter(JobSpec.class);
        assets = moshi.adapter(Types.newParameterizedType(List.class, StoredAsset.class));
        error = moshi.adapter(JobError.class);
    }

    String spec(JobSpec value) {
        return spec.toJson(value);
    }

    JobSpec spec(String json) {
        return read(spec, json, "spec");
    }

    String assets(List<StoredAsset> value) {
        return assets.toJson(value);
    }

    List<StoredAsset> assets(String json) {
        List<StoredAsset> list = read(assets, json, "assets");
        return list == null ? List.of() : list;
    }

    String error(JobError value) {
        return value == null ? null : error.toJson(value);
    }

    JobError error(String json) {
        return json == null ? null : read(error, json, "error");
    }

    /** A row we cannot decode is corrupt or from a newer version: say which column, never guess. */
    private static <T> T read(JsonAdapter<T> adapter, String json, String column) {
        try {
            return adapter.fromJson(json);
        } catch (IOException | RuntimeException | AssertionError e) {
            // JsonDataException for bad shape; Moshi's record adapter wraps a constructor's ValidationException
            // in an AssertionError. All three mean "this row cannot become a valid value".
            throw new StorageException(
                    StorageException.Reason.IO,
                    "unreadable '" + column + "' JSON in the job database: " + e.getMessage(),
                    e);
        }
    }

    /** A value type written as one JSON string. */
    private static final class StringAdapter<T> extends JsonAdapter<T> {
        private final java.util.function.Function<String, T> parse;
        private final java.util.function.Function<T, String> format;

        StringAdapter(java.util.function.Function<String, T> parse, java.util.function.Function<T, String> format) {
            this.parse = parse;
            this.format = format;
        }

        @Override
        public T fromJson(JsonReader reader) throws IOException {
            return parse.apply(reader.nextString());
        }

        @Override
        public void toJson(JsonWriter writer, T value) throws IOException {
            writer.value(format.apply(value));
        }
    }
}
