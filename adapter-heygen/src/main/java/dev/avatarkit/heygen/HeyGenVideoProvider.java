package dev.avatarkit.heygen;

import dev.avatarkit.core.domain.ProviderRef;
import dev.avatarkit.core.domain.TemplateVariable;
import dev.avatarkit.core.port.OutcomeUnknownException;
import dev.avatarkit.core.port.ResultFile;
import dev.avatarkit.core.port.VideoProvider;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** What both dialects share: name, download with refresh, small parsing helpers. */
abstract class HeyGenVideoProvider implements VideoProvider {
    static final int RECONCILE_PAGES = 20;
    /** Clock skew tolerated when deciding a listed render is older than the job. */
    static final Duration SKEW = Duration.ofMinutes(10);

    final Transport transport;
    final HeyGenConfig config;
    final Downloads downloads;

    HeyGenVideoProvider(Transport transport, HeyGenConfig config, Downloads downloads) {
        this.transport = transport;
        this.config = config;
        this.downloads = downloads;
    }

    @Override
    public String name() {
        return "heygen";
    }

    @Override
    public InputStream download(ProviderRef ref, ResultFile file) {
        return downloads.open(
                file, () -> status(ref).result(file.kind()).map(ResultFile::url).orElse(null));
    }

    static OutcomeUnknownException unreadableCreate() {
        return new OutcomeUnknownException(
                "HeyGen create answered without a video id; the create may have been accepted", 200, null, null, null);
    }

    static boolean olderThan(double epochSeconds, Instant since) {
        return Instant.ofEpochSecond((long) epochSeconds).isBefore(since.minus(SKEW));
    }

    static String next(Envelope<?> env) {
        if (Boolean.FALSE.equals(env.hasMore())) return null;
        String t = env.nextToken();
        return t == null || t.isBlank() ? null : t;
    }

    static TemplateVariable.Type typeOf(String wire) {
        if (wire == null) return null;
        try {
            return TemplateVariable.Type.valueOf(wire.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    static double number(Object value) {
        if (value instanceof Number n) return n.doubleValue();
        if (value instanceof String s) {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException ignored) {
                return -1;
            }
        }
        return -1;
    }
}
