package dev.avatarkit.core.domain;

/** What a scene says. */
public sealed interface Voice {
    /** Hard upper bound across dialects; providers may lower it (see {@code ProviderCapabilities}). */
    int MAX_SCRIPT_CHARS = 5000;

    /** Text-to-speech. speed 0.5–1.5, pitch −50…50. */
    record Text(String text, String voiceId, Double speed, Integer pitch, String emotion, String locale)
            implements Voice {
        public Text {
            Require.nonBlank(text, "text");
            Require.maxLength(text, MAX_SCRIPT_CHARS, "text");
            Require.nonBlank(voiceId, "voice");
            if (speed != null) Require.between(speed, 0.5, 1.5, "speed");
            if (pitch != null) Require.between(pitch, -50, 50, "pitch");
        }

        public static Text of(String text, String voiceId) {
            return new Text(text, voiceId, null, null, null, null);
        }
    }

    /** Lip-sync to an audio file at a URL (http/https) or a provider asset id. */
    record Audio(String audioUrl, String audioAssetId) implements Voice {
        public Audio {
            Require.that(
                    (audioUrl == null) != (audioAssetId == null),
                    "audioUrl",
                    "give exactly one of 'audioUrl' or 'audioAssetId'");
            if (audioUrl != null) {
                Require.that(
                        audioUrl.startsWith("https://") || audioUrl.startsWith("http://"),
                        "audioUrl",
                        "'audioUrl' must be an http(s) URL");
            }
        }
    }

    /** A silent scene, 1–100 seconds. */
    record Silence(double seconds) implements Voice {
        public Silence {
            Require.between(seconds, 1.0, 100.0, "silence");
        }
    }
}
