package dev.avatarkit.didsim;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /images} and {@code POST /audios} (multipart uploads that answer 201 with a URL to use as a talk's
 * {@code source_url} or {@code audio_url}), their deletes, and {@code POST /images/face-detection}. Upload URLs are
 * {@code s3://did-sim-images/…} like D-ID's {@code s3://d-id-images-prod/…}: they pass the create schema's
 * {@code (https|s3):} pattern, and a create naming one that does not exist is a 400.
 */
final class Uploads {
    static final int MAX_IMAGE_BYTES = 10 * 1024 * 1024;
    static final int MAX_AUDIO_BYTES = 6 * 1024 * 1024;
    private static final String S3_PREFIX = "s3://did-sim-";
    private final SimContext ctx;

    Uploads(SimContext ctx) {
        this.ctx = ctx;
    }

    List<Route> routes() {
        return List.of(
                Route.api("POST", "/images", this::image),
                Route.api("DELETE", "/images/{id}", c -> delete(c, "images", "image.png")),
                Route.api("POST", "/images/face-detection", this::faces),
                Route.api("POST", "/audios", this::audio),
                Route.api("DELETE", "/audios/{id}", c -> delete(c, "audios", "audio.wav")));
    }

    /** True unless the URL points into the simulator's upload bucket at something this user did not upload. */
    static boolean resolvable(SimContext ctx, String url, String owner) {
        if (url == null || !url.startsWith(S3_PREFIX)) return true; // the caller's own storage: D-ID fetches it later
        String key = url.substring(S3_PREFIX.length()); // images/<folder>/<id>/image.png
        String[] parts = key.split("/");
        return parts.length == 4
                && parts[1].equals(folder(owner))
                && ctx.bucket().get(key) != null;
    }

    private Reply image(Call call) {
        Map<String, FormData.Field> form = FormData.parse(call.header("Content-Type"), call.body);
        if (form == null) return missingPart("image");
        FormData.Field file = form.get("image");
        if (file == null) return missingPart("image");
        String type = sniff(file.bytes());
        if (!type.equals("image/jpeg") && !type.equals("image/png"))
            return unsupported(type, "image/jpeg", "image/png");
        if (file.bytes().length > MAX_IMAGE_BYTES) return tooLarge("image", MAX_IMAGE_BYTES);
        String id = Ids.next("img_");
        String key = "images/" + folder(call.owner) + "/" + id + "/image.png";
        byte[] bytes = file.bytes();
        ctx.bucket().put(key, type, () -> bytes);
        ObjectNode out = SimJson.object().put("id", id).put("url", S3_PREFIX + key);
        FormData.Field detect = form.get("detect_faces");
        if (detect != null && "true".equalsIgnoreCase(detect.text().trim())) {
            ArrayNode faces = out.putArray("faces");
            ObjectNode face = faces.addObject()
                    .put("size", 256)
                    .put("overlap", "NO")
                    .put("face_id", Ids.next("face_"))
                    .put("detect_confidence", 0.99);
            face.putArray("top_left").add(128).add(96);
        }
        return Reply.json(201, out);
    }

    private Reply audio(Call call) {
        Map<String, FormData.Field> form = FormData.parse(call.header("Content-Type"), call.body);
        FormData.Field file = form == null ? null : form.get("audio");
        if (file == null) return missingPart("audio");
        String type = sniff(file.bytes());
        if (!type.startsWith("audio/") && !type.equals("video/mp4")) {
            return unsupported(type, "audio/mpeg", "audio/wav", "audio/mp4", "audio/flac", "video/mp4");
        }
        if (file.bytes().length > MAX_AUDIO_BYTES) return tooLarge("audio", MAX_AUDIO_BYTES);
        String id = Ids.next("aud_");
        String key = "audios/" + folder(call.owner) + "/" + id + "/audio.wav";
        // D-ID stores every upload converted to 16 kHz wav; the simulator's conversion is one second of silence
        ctx.bucket().put(key, "audio/wav", Media::silentWav);
        return Reply.json(
                201, SimJson.object().put("id", id).put("url", S3_PREFIX + key).put("duration", 1.0));
    }

    private Reply faces(Call call) {
        String source = SimJson.text(call.json(), "source_url");
        if (!resolvable(ctx, source, call.owner)) return Reply.error(400, "BadRequestError", "invalid source url");
        ObjectNode out = SimJson.object();
        out.putArray("faceCrops")
                .addObject()
                .put("top", 96)
                .put("left", 128)
                .put("bottom", 352)
                .put("right", 384);
        out.putObject("metadata").put("length", 1).put("height", 512).put("width", 512);
        return Reply.json(200, out);
    }

    private Reply delete(Call call, String bucket, String file) {
        String key = bucket + "/" + folder(call.owner) + "/" + call.param("id") + "/" + file;
        if (!ctx.bucket().remove(key))
            return Reply.error(404, "NotFoundError", bucket.substring(0, bucket.length() - 1) + " not found");
        return Reply.json(200, SimJson.object().put("deleted", 1));
    }

    /** The user's folder in the bucket: the hash part of the owner id (no {@code |} in object keys). */
    private static String folder(String owner) {
        return owner.substring(owner.indexOf('|') + 1);
    }

    /** The type from the leading bytes, as D-ID judges uploads by content rather than by the declared type. */
    static String sniff(byte[] b) {
        if (b.length >= 4 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') return "image/png";
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF)
            return "image/jpeg";
        if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F') return "image/gif";
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W')
            return "audio/wav";
        if (b.length >= 3 && b[0] == 'I' && b[1] == 'D' && b[2] == '3') return "audio/mpeg";
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && ((b[1] & 0xff) & 0xE0) == 0xE0) return "audio/mpeg";
        if (b.length >= 4 && b[0] == 'f' && b[1] == 'L' && b[2] == 'a' && b[3] == 'C') return "audio/flac";
        if (b.length >= 8 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p') return "video/mp4";
        return "application/octet-stream";
    }

    private static Reply missingPart(String field) {
        return Reply.error(
                400,
                "ValidationError",
                "'" + field + "' is required: send it as a multipart/form-data file part",
                SimJson.object().put("field", field));
    }

    private static Reply unsupported(String received, String... supported) {
        ObjectNode details = SimJson.object().put("received", received);
        ArrayNode list = details.putArray("supported");
        for (String s : supported) list.add(s);
        return Reply.error(415, "UnsupportedMimeTypeError", "The provided mime type is not supported", details);
    }

    private static Reply tooLarge(String field, int max) {
        return Reply.error(
                400,
                "BadRequestError",
                "'" + field + "' is larger than " + (max / (1024 * 1024)) + " MB",
                SimJson.object().put("field", field));
    }
}
