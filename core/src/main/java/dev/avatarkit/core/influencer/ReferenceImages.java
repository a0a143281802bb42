package dev.avatarkit.core.influencer;

import dev.avatarkit.core.domain.IdentitySpec;
import dev.avatarkit.core.domain.ValidationException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Checks an identity's reference images before anything is paid for: URLs must be absolute http(s) with a host;
 * local files must exist, be readable, at most 32 MB, and decode as PNG or JPEG. Decoding subsamples large images,
 * so memory stays small whatever the resolution, while a truncated or corrupt file is still caught.
 */
public final class ReferenceImages {
    /** HeyGen's upload limit for images. */
    public static final long MAX_BYTES = 32L * 1024 * 1024;

    private static final List<String> FORMATS = List.of("png", "jpeg");
    private static final int DECODE_EDGE = 512;

    private ReferenceImages() {}

    /** @throws ValidationException naming {@code references[n]} (1-based) for the first bad reference */
    public static void check(IdentitySpec spec) {
        List<String> references = spec.references();
        for (int i = 0; i < references.size(); i++) {
            check(references.get(i), "references[" + (i + 1) + "]");
        }
    }

    /** For remote callers: every reference must be a URL, never a path on this machine. */
    public static void requireUrls(IdentitySpec spec) {
        List<String> references = spec.references();
        for (int i = 0; i < references.size(); i++) {
            String field = "references[" + (i + 1) + "]";
            if (references.get(i) == null || !isUrl(references.get(i))) {
                throw new ValidationException(
                        field,
                        "'" + field + "' must be an https:// or http:// URL; "
                                + "local files can only be given on the command line");
            }
        }
    }

    /** True when the reference is a URL the provider fetches itself (not a local file to upload). */
    public static boolean isUrl(String reference) {
        return reference.matches("(?i)^[a-z][a-z0-9+.-]*://.*");
    }

    static void check(String reference, String field) {
        if (reference == null || reference.isBlank())
            throw new ValidationException(field, "'" + field + "' must not be blank");
        if (isUrl(reference)) checkUrl(reference.strip(), field);
        else checkFile(reference, field);
    }

    private static void checkUrl(String reference, String field) {
        URI uri;
        try {
            uri = new URI(reference);
        } catch (URISyntaxException e) {
            throw new ValidationException(field, "'" + field + "' is not a valid URL: " + e.getMessage());
        }
        String scheme = uri.getScheme();
        if (!scheme.equals("https") && !scheme.equals("http")) {
            // the engine sends only lowercase https:// and http:// references as URLs (everything else is a file)
            throw new ValidationException(
                    field,
                    "'" + field + "' must be a URL starting with https:// or http://, " + "or a local file; was a "
                            + scheme + ": URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new ValidationException(
                    field, "'" + field + "' is not a valid URL: it has no host (" + reference + ")");
        }
    }

    private static void checkFile(String reference, String field) {
        Path file;
        try {
            file = Path.of(reference);
        } catch (InvalidPathException e) {
            throw new ValidationException(field, "'" + field + "' is not a valid file path: " + e.getMessage());
        }
        if (!Files.exists(file)) throw new ValidationException(field, "'" + field + "': no such file " + file);
        if (!Files.isRegularFile(file))
            throw new ValidationException(field, "'" + field + "': " + file + " is not a regular file");
        if (!Files.isReadable(file))
            throw new ValidationException(field, "'" + field + "': " + file + " is not readable");
        try {
            long size = Files.size(file);
            if (size == 0) throw new ValidationException(field, "'" + field + "': " + file + " is empty");
            if (size > MAX_BYTES) {
                throw new ValidationException(
                        field,
                        "'" + field + "': " + file + " is " + size + " bytes; reference images may be at most 32 MB ("
                                + MAX_BYTES + " bytes)");
            }
            decode(file, field);
        } catch (IOException e) {
            throw new ValidationException(field, "'" + field + "': cannot read " + file + ": " + e.getMessage());
        }
    }

    private static void decode(Path file, String field) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) throw notAnImage(file, field, "unknown format");
            ImageReader reader = readers.next();
            try {
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                if (!FORMATS.contains(format)) throw notAnImage(file, field, format + " is not supported");
                reader.setInput(in, true, true);
                int edge = Math.max(reader.getWidth(0), reader.getHeight(0));
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, edge / DECODE_EDGE);
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage image = reader.read(0, param);
                if (image == null) throw notAnImage(file, field, "no image data");
            } catch (IOException | RuntimeException e) {
                if (e instanceof ValidationException v) throw v;
                throw notAnImage(file, field, "it does not decode (" + e.getMessage() + ")");
            } finally {
                reader.dispose();
            }
        }
    }

    private static ValidationException notAnImage(Path file, String field, String why) {
        return new ValidationException(field, "'" + field + "': " + file + " is not a PNG or JPEG image: " + why);
    }
}
