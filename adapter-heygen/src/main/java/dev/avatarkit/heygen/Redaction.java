package dev.avatarkit.heygen;

import java.util.Set;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/** Hides secrets in anything we log or put in an exception: signed-URL query strings, keys, tokens. */
final class Redaction {
    /** Query parameters of our own API calls that carry no secret and help debugging. */
    private static final Set<String> SAFE_PARAMS = Set.of(
            "limit",
            "video_id",
            "video_ids",
            "batch_ids",
            "ownership",
            "group_id",
            "type",
            "folder_id",
            "title",
            "avatar_type",
            "endpoint_id",
            "include_public");

    private static final Pattern URL_QUERY = Pattern.compile("(https?://[^\\s\"'?#]+)\\?[^\\s\"'#]*");
    private static final Pattern HEADER_SECRET =
            Pattern.compile("(?i)(x-api-key|authorization|signature)(\\s*[:=]\\s*)[^\\s,;\"]+");

    private Redaction() {}

    /** {@code https://host/path?limit=10&token=***&Signature=***}: safe parameters kept, others masked. */
    static String url(HttpUrl url) {
        StringBuilder out = new StringBuilder(url.scheme()).append("://").append(url.host());
        if (url.port() != HttpUrl.defaultPort(url.scheme())) out.append(':').append(url.port());
        out.append(url.encodedPath());
        for (int i = 0; i < url.querySize(); i++) {
            String name = url.queryParameterName(i);
            out.append(i == 0 ? '?' : '&')
                    .append(name)
                    .append('=')
                    .append(SAFE_PARAMS.contains(name) ? url.queryParameterValue(i) : "***");
        }
        return out.toString();
    }

    /** Free text (provider messages, exception texts): URL query strings and header-like secrets masked. */
    static String text(String text) {
        if (text == null) return null;
        String noQuery = URL_QUERY.matcher(text).replaceAll("$1?***");
        return HEADER_SECRET.matcher(noQuery).replaceAll("$1$2***");
    }

    /** Removes one known secret wherever it appears (belt and braces for provider-echoed input). */
    static String without(String text, String secret) {
        if (text == null || secret == null || secret.isEmpty()) return text;
        return text.replace(secret, "***");
    }
}
