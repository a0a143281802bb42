package dev.avatarkit.core.domain;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A job's id: a ULID (26 chars, Crockford base32), so ids sort by creation time and make good cursors and
 * storage keys (they contain nothing but {@code [0-9A-Z]}).
 */
public record JobId(String value) implements Comparable<JobId> {
    private static final Pattern ULID = Pattern.compile("[0-9A-HJKMNP-TV-Z]{26}");
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    public JobId {
        Require.nonBlank(value, "jobId");
        Require.that(
                ULID.matcher(value).matches(), "jobId", "'jobId' must be a 26-character ULID, was '" + value + "'");
    }

    /** A new id whose time part is {@code now}. */
    public static JobId next(Instant now) {
        char[] out = new char[26];
        long time = now.toEpochMilli();
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (time & 31)];
            time >>>= 5;
        }
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 5; i++) hi = (hi << 8) | (random[i] & 0xff);
        for (int i = 5; i < 10; i++) lo = (lo << 8) | (random[i] & 0xff);
        for (int i = 17; i >= 10; i--) {
            out[i] = ALPHABET[(int) (hi & 31)];
            hi >>>= 5;
        }
        for (int i = 25; i >= 18; i--) {
            out[i] = ALPHABET[(int) (lo & 31)];
            lo >>>= 5;
        }
        return new JobId(new String(out));
    }

    public static JobId of(String value) {
        return new JobId(value == null ? null : value.trim().toUpperCase());
    }

    @Override
    public int compareTo(JobId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
