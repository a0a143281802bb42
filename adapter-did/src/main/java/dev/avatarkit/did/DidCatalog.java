package dev.avatarkit.did;

import com.squareup.moshi.Types;
import dev.avatarkit.core.port.Catalog;
import dev.avatarkit.core.port.InvalidRequestException;
import dev.avatarkit.core.port.NotFoundException;
import dev.avatarkit.core.port.Page;
import dev.avatarkit.core.port.PageRequest;
import java.lang.reflect.Type;
import java.util.List;

/**
 * D-ID's catalogue: presenters are the avatars ({@code --avatar} renders a clip), TTS voices the voices (ids listed as
 * {@code provider:voice} so a submit knows which TTS to ask), credits the account.
 */
final class DidCatalog {
    private static final Type VOICES = Types.newParameterizedType(List.class, Wire.Voice.class);
    private final DidHttp http;
    private final int maxConcurrency;

    DidCatalog(DidHttp http, int maxConcurrency) {
        this.http = http;
        this.maxConcurrency = maxConcurrency;
    }

    /** Ready presenters only: one still training or refused cannot render. */
    Page<Catalog.Avatar> presenters(PageRequest page) {
        Wire.Presenters answer = http.read(
                "GET clips/presenters",
                Wire.Presenters.class,
                () -> http.readApi().presenters(page.limit(), page.token()));
        List<Catalog.Avatar> avatars = answer.presenters() == null
                ? List.of()
                : answer.presenters().stream()
                        .filter(p -> p.presenterId() != null && (p.status() == null || "done".equals(p.status())))
                        .map(p -> new Catalog.Avatar(
                                p.presenterId(),
                                p.name(),
                                p.gender(),
                                "presenter",
                                p.thumbnailUrl() != null ? p.thumbnailUrl() : p.imageUrl()))
                        .toList();
        return new Page<>(avatars, blankToNull(answer.token()));
    }

    /** D-ID answers every voice at once; pages are cut here, the token being the next offset. */
    Page<Catalog.VoiceEntry> voices(PageRequest page) {
        int from = offset(page.token());
        List<Wire.Voice> all =
                http.read("GET tts/voices", VOICES, () -> http.readApi().voices());
        List<Catalog.VoiceEntry> items = all.stream()
                .skip(from)
                .limit(page.limit())
                .map(v -> new Catalog.VoiceEntry(voiceId(v), v.name(), v.anyLanguage(), v.gender()))
                .toList();
        int next = from + items.size();
        return new Page<>(items, next < all.size() ? String.valueOf(next) : null);
    }

    /** D-ID answers 404 "not credits found for user" to an account with no credit lines: that is zero left. */
    Catalog.Account account() {
        Wire.Credits credits;
        try {
            credits = http.read(
                    "GET credits", Wire.Credits.class, () -> http.readApi().credits());
        } catch (NotFoundException none) {
            return new Catalog.Account(DidPlugin.NAME, null, 0, "credits", maxConcurrency);
        }
        String plan = credits.credits() == null
                ? null
                : credits.credits().stream()
                        .map(Wire.CreditLine::planGroup)
                        .filter(p -> p != null && !p.isBlank())
                        .findFirst()
                        .orElse(null);
        double remaining = credits.remaining() != null
                ? credits.remaining()
                : credits.credits() == null
                        ? -1
                        : credits.credits().stream()
                                .mapToDouble(c -> c.remaining() == null ? 0 : c.remaining())
                                .sum();
        return new Catalog.Account(DidPlugin.NAME, plan, remaining, "credits", maxConcurrency);
    }

    private static String voiceId(Wire.Voice voice) {
        return (voice.provider() == null || voice.provider().isBlank() ? "microsoft" : voice.provider()) + ":"
                + voice.id();
    }

    private static int offset(String token) {
        if (token == null) return 0;
        try {
            int offset = Integer.parseInt(token);
            if (offset >= 0) return offset;
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new InvalidRequestException(
                "'token': not a token from a D-ID voice listing: '" + token + "'", "token", null);
    }

    private static String blankToNull(String token) {
        return token == null || token.isBlank() ? null : token;
    }
}
