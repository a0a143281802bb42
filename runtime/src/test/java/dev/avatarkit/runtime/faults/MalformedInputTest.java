package dev.avatarkit.runtime.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.domain.VideoSpec;
import dev.avatarkit.core.port.ProviderEvents;
import dev.avatarkit.core.port.Sleeper;
import dev.avatarkit.core.port.WebhookRejectedException;
import dev.avatarkit.heygen.ApiKey;
import dev.avatarkit.heygen.HeyGen;
import dev.avatarkit.heygen.HeyGenConfig;
import dev.avatarkit.runtime.ConfigLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A malformed-input corpus for public entry points: each input is refused with a clear error naming what is wrong. */
class MalformedInputTest {
    static final String SECRET = "whsec_test_secret";

    @ParameterizedTest(name = "avatar=''{0}'' voice=''{1}'' text=''{2}''")
    @CsvSource(
            value = {"'',voice,Hello", "avatar,voice,''", "avatar,'',Hello", "'   ',voice,Hello"},
            nullValues = "NULL")
    void givenABlankPartOfAVideoSpec_whenBuilt_thenAValidationErrorNamesTheField(
            String avatar, String voice, String text) {
        Throwable thrown = catchThrowable(() -> VideoSpec.singleAvatar(avatar, voice, text));
        assertThat(thrown).isInstanceOf(ValidationException.class);
        assertThat(((ValidationException) thrown).field()).isNotBlank();
        assertThat(thrown.getMessage()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "HEYGEN_BASE_URL,ftp://example.com",
        "HEYGEN_BASE_URL,not a url",
        "HEYGEN_UPLOAD_URL,://",
        "HEYGEN_MAX_CONCURRENCY,ten",
        "HEYGEN_MAX_CONCURRENCY,1.5",
        "AVATARKIT_HTTP_PORT,80a",
        "AVATARKIT_SANDBOX,maybe",
        "AVATARKIT_PUBLIC_URL,localhost:8080"
    })
    void givenABadConfigValue_whenLoaded_thenTheErrorNamesTheKeyAndValue(String key, String value, @TempDir Path dir) {
        Throwable thrown = catchThrowable(
                () -> ConfigLoader.load(Map.of(), Map.of("AVATARKIT_HOME", dir.toString(), key, value), null));
        assertThat(thrown).isInstanceOf(ValidationException.class).hasMessageContaining(key);
        assertThat(((ValidationException) thrown).field()).isEqualTo(key);
    }

    @Test
    void givenAConfigFileWithAnUnknownKey_whenLoaded_thenTheErrorNamesIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("config.properties");
        Files.writeString(file, "HEYGEN_API_KEY=k\nHEYGEN_APIKEY=typo\n");
        assertThat(catchThrowable(() -> ConfigLoader.load(Map.of(), Map.of("AVATARKIT_HOME", dir.toString()), file)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("HEYGEN_APIKEY");
    }

    @Test
    void givenMalformedWebhooks_whenVerified_thenEachIsRejectedWithItsReason() throws Exception {
        try (HeyGen heygen = HeyGen.create(
                HeyGenConfig.of(new ApiKey("key")).withWebhookSecret(SECRET), Clock.systemUTC(), Sleeper.system())) {
            ProviderEvents events = heygen.events();
            byte[] body = "{\"event_type\":\"avatar_video.success\",\"event_data\":{\"video_id\":\"v1\"}}"
                    .getBytes(StandardCharsets.UTF_8);
            String now = String.valueOf(Instant.now().getEpochSecond());

            assertRejected(events, Map.of(), body, "missing signature");
            assertRejected(events, Map.of("Heygen-Signature", List.of("00ff")), body, "bad signature");
            assertRejected(events, Map.of("Heygen-Signature", List.of(sign("{}"))), body, "bad signature");
            byte[] notJson = "{\"event_type\":".getBytes(StandardCharsets.UTF_8);
            assertRejected(
                    events,
                    Map.of("Heygen-Signature", List.of(sign(new String(notJson, StandardCharsets.UTF_8)))),
                    notJson,
                    "not JSON");
            assertRejected(
                    events,
                    Map.of(
                            "Heygen-Signature",
                            List.of(sign(new String(body, StandardCharsets.UTF_8))),
                            "Heygen-Timestamp",
                            List.of("yesterday")),
                    body,
                    "Heygen-Timestamp");
            assertRejected(
                    events,
                    Map.of(
                            "Heygen-Signature",
                            List.of(sign(new String(body, StandardCharsets.UTF_8))),
                            "Heygen-Timestamp",
                            List.of("1000000000")),
                    body,
                    "stale");
            // the control: the same body, signed and fresh, is accepted
            assertThat(events.verify(
                            Map.of(
                                    "Heygen-Signature",
                                    List.of(sign(new String(body, StandardCharsets.UTF_8))),
                                    "Heygen-Timestamp",
                                    List.of(now)),
                            body))
                    .isNotNull();
        }
    }

    private static void assertRejected(
            ProviderEvents events, Map<String, List<String>> headers, byte[] body, String reason) {
        assertThat(catchThrowable(() -> events.verify(headers, body)))
                .as(reason)
                .isInstanceOf(WebhookRejectedException.class)
                .hasMessageContaining(reason)
                .hasMessageNotContaining(SECRET);
    }

    private static String sign(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
