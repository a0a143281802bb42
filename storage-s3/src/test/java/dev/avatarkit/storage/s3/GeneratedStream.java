package dev.avatarkit.storage.s3;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * A pseudo-random body of a given size made on the fly (never held in memory), hashing what it hands out;
 * optionally failing after {@code failAfter} bytes like a dropped download.
 */
final class GeneratedStream extends InputStream {
    private final long size;
    private final long failAfter;
    private final SplittableRandom random;
    private final MessageDigest sha;
    private long served;
    private String hex;

    GeneratedStream(long size, long seed) {
        this(size, seed, Long.MAX_VALUE);
    }

    GeneratedStream(long size, long seed, long failAfter) {
        this.size = size;
        this.failAfter = failAfter;
        this.random = new SplittableRandom(seed);
        try {
            this.sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (served >= failAfter) throw new IOException("connection reset by peer (simulated at " + served + " bytes)");
        if (served >= size) return -1;
        int n = (int) Math.min(Math.min(len, 64 * 1024), Math.min(size, failAfter) - served);
        for (int i = 0; i < n; i += 8) {
            long r = random.nextLong();
            for (int j = 0; j < 8 && i + j < n; j++) b[off + i + j] = (byte) (r >>> (8 * j));
        }
        sha.update(b, off, n);
        served += n;
        return n;
    }

    /** The sha256 of everything handed out; call after the stream is drained (digesting ends the hash). */
    synchronized String sha256() {
        if (hex == null) hex = HexFormat.of().formatHex(sha.digest());
        return hex;
    }

    static String sha256Of(InputStream in) throws IOException {
        try (in) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) != -1; ) digest.update(buffer, 0, n);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
