package dev.avatarkit.didsim;

import java.time.Duration;
import java.time.Instant;

/**
 * A consent for a video avatar: D-ID gives a short text, the subject records themselves reading it, the video is
 * uploaded ({@code POST /consents/{id}}) and validated. The consent must be uploaded within 30 minutes of creation.
 */
final class Consent {
    static final Duration VALID_FOR = Duration.ofMinutes(30);
    private static final String[] WORDS = {
        "amber", "harbor", "velvet", "summit", "lantern", "orchard", "meadow", "copper", "willow", "falcon", "river",
        "maple"
    };

    final String id;
    final String owner;
    final Instant createdAt;
    final String text;
    private Timeline validation;
    private String name = "";
    private String videoUrl = "";

    Consent(String id, String owner, Instant createdAt) {
        this.id = id;
        this.owner = owner;
        this.createdAt = createdAt;
        int h = Math.abs(id.hashCode());
        this.text = WORDS[h % 12] + " " + WORDS[(h / 12) % 12] + " " + WORDS[(h / 144) % 12];
    }

    synchronized boolean expired(Instant now) {
        return validation == null && !now.isBefore(createdAt.plus(VALID_FOR));
    }

    /** The subject's video arrived; it validates for one render time. */
    synchronized void uploaded(String name, String videoUrl, Instant now, Duration renderTime) {
        this.name = name;
        this.videoUrl = videoUrl;
        this.validation = new Timeline(now, renderTime, "validating", Timeline.Ending.DONE);
    }

    /** {@code created} until uploaded, then {@code validating} → {@code done}. */
    synchronized String status(Instant now) {
        if (validation == null) return "created";
        String s = validation.advance(now);
        return "created".equals(s) ? "validating" : s;
    }

    synchronized Instant modifiedAt() {
        return validation == null ? createdAt : validation.modifiedAt();
    }

    synchronized String name() {
        return name;
    }

    synchronized String videoUrl() {
        return videoUrl;
    }
}
