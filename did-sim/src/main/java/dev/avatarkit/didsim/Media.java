package dev.avatarkit.didsim;

import dev.avatarkit.sim.Imaging;
import dev.avatarkit.sim.MediaStore;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Real bytes for what the simulator serves. The MP4 (1 s, H.264 + AAC, ffprobe-valid) and the JPEG writer are
 * heygen-sim's, reused rather than copied so there is one sample video and one thumbnail drawer in the repo.
 */
final class Media {
    private static final byte[] MP4 = MediaStore.sampleMp4();

    private Media() {}

    static byte[] mp4() {
        return MP4;
    }

    static byte[] thumbnail(String title) {
        return Imaging.thumbnailJpeg(title);
    }

    /** One second of 16 kHz mono 16-bit silence: the format D-ID stores TTS and uploaded audio in. */
    static byte[] silentWav() {
        int rate = 16_000;
        int dataBytes = rate * 2;
        ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putInt(36 + dataBytes)
                .put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putInt(16)
                .putShort((short) 1)
                .putShort((short) 1)
                .putInt(rate)
                .putInt(rate * 2)
                .putShort((short) 2)
                .putShort((short) 16)
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putInt(dataBytes);
        return b.array();
    }
}
