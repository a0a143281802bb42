package dev.avatarkit.heygen;

import dev.avatarkit.core.port.ResultFile;
import dev.avatarkit.core.port.Sleeper;
import java.io.InputStream;
import java.net.URI;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/** Opens {@link ResumableDownload}s with the transfer client and the configured attempt bound. */
final class Downloads {
    private final OkHttpClient client;
    private final Sleeper sleeper;
    private final int attempts;

    Downloads(OkHttpClient client, Sleeper sleeper, int attempts) {
        this.client = client;
        this.sleeper = sleeper;
        this.attempts = attempts;
    }

    InputStream open(ResultFile file, Supplier<URI> refresh) {
        return new ResumableDownload(client, file.url(), refresh, sleeper, attempts);
    }
}
