package dev.avatarkit.heygen;

import dev.avatarkit.core.port.InvalidRequestException;
import dev.avatarkit.core.port.ProviderUnavailableException;
import java.io.IOException;
import java.io.InputStream;

/** Upload helpers: HeyGen's proxied uploads take ≤ 32 MB, so a bounded read is fine (and lets keyed retries resend). */
final class Uploads {
    static final long MAX_BYTES = 32L * 1024 * 1024;

    private Uploads() {}

    static byte[] readAll(InputStream content, long size) {
        if (size > MAX_BYTES) {
            throw new InvalidRequestException(
                    "reference image is " + size + " bytes; HeyGen takes at most 32 MB",
                    "reference",
                    0,
                    "payload_too_large",
                    null,
                    null);
        }
        try (InputStream in = content) {
            byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new InvalidRequestException(
                        "reference image exceeds 32 MB", "reference", 0, "payload_too_large", null, null);
            }
            return bytes;
        } catch (IOException e) {
            throw new ProviderUnavailableException(
                    "could not read the reference image: " + e.getClass().getSimpleName(), 0, null, null, null);
        }
    }

    static String safeName(String fileName) {
        String name = fileName == null ? "reference" : fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        return name.isEmpty() ? "reference" : name;
    }
}
