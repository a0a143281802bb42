package dev.avatarkit.storage.local;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import okio.Buffer;

/**
 * The sidecar written next to each object as {@code .<name>.meta.json}: what {@code stat} reports without
 * re-hashing, and what a user can read with {@code cat}. {@code objectSize} and {@code objectModified} (epoch
 * millis of the object file) let a reader notice a sidecar left stale by a crash between the two renames.
 */
record Manifest(
        int version,
        String sha256,
        long size,
        String contentType,
        String sourceJob,
        String createdAt,
        long objectModified) {
    static final String SUFFIX = ".meta.json";

    /** Written field by field: Moshi's record adapter needs public records, and this one is an internal. */
    byte[] toJson() throws IOException {
        Buffer out = new Buffer();
        try (JsonWriter json = JsonWriter.of(out)) {
            json.setIndent("  ");
            json.beginObject();
            json.name("version").value(version);
            json.name("sha256").value(sha256);
            json.name("size").value(size);
            json.name("contentType").value(contentType);
            json.name("sourceJob").value(sourceJob);
            json.name("createdAt").value(createdAt);
            json.name("objectModified").value(objectModified);
            json.endObject();
        }
        out.writeUtf8("\n");
        return out.readByteArray();
    }

    /** Unknown fields are skipped so a newer writer's sidecar still reads. */
    static Manifest fromJson(byte[] bytes) throws IOException {
        int version = 0;
        long size = -1;
        long modified = -1;
        String sha = null;
        String type = null;
        String job = null;
        String created = null;
        try (JsonReader json = JsonReader.of(new Buffer().write(bytes))) {
            json.beginObject();
            while (json.hasNext()) {
                String name = json.nextName();
                if (json.peek() == JsonReader.Token.NULL) {
                    json.skipValue();
                    continue;
                }
                switch (name) {
                    case "version" -> version = json.nextInt();
                    case "sha256" -> sha = json.nextString();
                    case "size" -> size = json.nextLong();
                    case "contentType" -> type = json.nextString();
                    case "sourceJob" -> job = json.nextString();
                    case "createdAt" -> created = json.nextString();
                    case "objectModified" -> modified = json.nextLong();
                    default -> json.skipValue();
                }
            }
            json.endObject();
        }
        if (sha == null || size < 0 || type == null || created == null) throw new IOException("incomplete manifest");
        return new Manifest(version, sha, size, type, job, created, modified);
    }

    /** The sidecar's file name for an object file name; it starts with '.', so no key can ever name it. */
    static String fileNameFor(String objectName) {
        return "." + objectName + SUFFIX;
    }
}
