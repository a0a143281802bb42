package dev.avatarkit.http;

import io.javalin.http.Context;

/**
 * Which accepted bearer token a request presented, as its position in the token list: per-client limits key on
 * it, so the token itself is never kept beside a request (nor logged).
 */
record Client(int token) {
    private static final String ATTRIBUTE = "avatarkit.client";

    void attach(Context ctx) {
        ctx.attribute(ATTRIBUTE, this);
    }

    /** The client {@link BearerAuth} recognised; every {@code /v1} handler runs after it. */
    static Client of(Context ctx) {
        Client client = ctx.attribute(ATTRIBUTE);
        if (client == null) throw new IllegalStateException("no authenticated client on " + ctx.path());
        return client;
    }
}
