package dev.avatarkit.did;

import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * Keeps secrets out of messages and log lines: the API key (in case D-ID ever echoes it) and the query strings of
 * presigned result URLs, which are bearer credentials until they expire.
 */
final class Redactor {
    private static final String MASK = "****";
    private final Optional<DidKey> key;

    Redactor(Optional<DidKey> key) {
        this.key = key;
    }

    String scrub(String text) {
        if (text == null || key.isEmpty()) return text;
        return text.replace(key.get().value(), MASK);
    }

    /** A URL for a log line: scheme, host and path, never the query (signatures) or user info. */
    static String url(HttpUrl url) {
        return url.scheme() + "://" + url.host() + ":" + url.port() + url.encodedPath()
                + (url.query() == null ? "" : "?…");
    }
}
