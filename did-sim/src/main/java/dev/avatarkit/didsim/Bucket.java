package dev.avatarkit.didsim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The simulator's stand-in for D-ID's S3 buckets: objects by key ({@code results/tlk_x.mp4}, {@code images/img_x.png}),
 * bytes made lazily. Capped: past {@link #MAX_OBJECTS} the oldest object goes, as D-ID drops uploads after 24-48 h.
 */
final class Bucket {
    static final int MAX_OBJECTS = 20_000;

    /** One stored object. */
    record StoredObject(String contentType, Supplier<byte[]> bytes) {}

    private final Map<String, StoredObject> objects = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, StoredObject> eldest) {
            return size() > MAX_OBJECTS;
        }
    };

    synchronized void put(String key, String contentType, Supplier<byte[]> bytes) {
        objects.put(key, new StoredObject(contentType, memo(bytes)));
    }

    synchronized StoredObject get(String key) {
        return objects.get(key);
    }

    synchronized boolean remove(String key) {
        return objects.remove(key) != null;
    }

    synchronized void clear() {
        objects.clear();
    }

    private static Supplier<byte[]> memo(Supplier<byte[]> make) {
        return new Supplier<>() {
            private byte[] made;

            @Override
            public synchronized byte[] get() {
                if (made == null) made = make.get();
                return made;
            }
        };
    }
}
