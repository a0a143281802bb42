package dev.avatarkit.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Files the simulator serves, by token ({@code <id>.<ext>}); images are rendered lazily and cached. */
public final class MediaStore {
    /** One servable file. */
    record Item(String contentType, Supplier<byte[]> bytes) {}

    private static final byte[] SAMPLE_MP4 = loadSample();
    private final Map<String, Item> items = new ConcurrentHashMap<>();

    /** The embedded real MP4 (1 s, 160x90, H.264 + AAC) served for every finished video. */
    public static byte[] sampleMp4() {
        return SAMPLE_MP4.clone();
    }

    void putVideo(String id, String title, String script) {
        items.put(id + ".mp4", new Item("video/mp4", () -> SAMPLE_MP4));
        items.put(id + ".jpg", new Item("image/jpeg", memo(() -> Imaging.thumbnailJpeg(title))));
        items.put(
                id + ".srt",
                new Item("application/x-subrip", () -> Imaging.srt(script).getBytes(StandardCharsets.UTF_8)));
    }

    /** A still marked with its token's id ({@code <id>.png} → {@code <id>}), the look or image that produced it. */
    void putStill(String token, String prompt, int variant, int width, int height) {
        String mark = token.endsWith(".png") ? token.substring(0, token.length() - 4) : token;
        items.put(token, new Item("image/png", memo(() -> Imaging.stillPng(mark, prompt, variant, width, height))));
    }

    void putBytes(String token, String contentType, byte[] bytes) {
        items.put(token, new Item(contentType, () -> bytes));
    }

    Item get(String token) {
        return items.get(token);
    }

    void clear() {
        items.clear();
    }

    private static Supplier<byte[]> memo(Supplier<byte[]> s) {
        return new Supplier<>() {
            private volatile byte[] value;

            @Override
            public byte[] get() {
                byte[] v = value;
                if (v == null) value = v = s.get();
                return v;
            }
        };
    }

    private static byte[] loadSample() {
        try (InputStream in = MediaStore.class.getResourceAsStream("sample.mp4")) {
            if (in == null) throw new IllegalStateException("sample.mp4 missing from resources");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
