package dev.avatarkit.did;

import dev.avatarkit.core.domain.Require;

/**
 * A D-ID API key exactly as the user gave it. D-ID's Studio key already reads {@code user:password} and D-ID's own
 * docs send it verbatim after the scheme word, so it is never Base64-encoded here (OkHttp's {@code Credentials.basic}
 * would encode it again and every call would answer 401). {@code toString} never shows it.
 */
record DidKey(String value) {
    DidKey {
        Require.nonBlank(value, DidPlugin.API_KEY);
    }

    /** The {@code Authorization} header value: {@code <scheme> <key>}. */
    String header(String scheme) {
        return scheme + " " + value;
    }

    @Override
    public String toString() {
        return "DidKey[****]";
    }
}
