package dev.avatarkit.storage.local;

import dev.avatarkit.core.domain.AssetKey;
import dev.avatarkit.core.domain.ValidationException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Walks the tree in exact key order with pruning. A directory sorts as "name/", so "a.b" (where '.' &lt; '/')
 * comes before everything under "a/", exactly as a flat key-value store orders keys. Hidden names (sidecars,
 * temps) and symbolic links are skipped: listing never follows a link.
 */
final class LocalLister {
    private final String prefix;
    private final String afterKey;
    private final int wanted;
    private final List<Path> found = new ArrayList<>();

    private LocalLister(String prefix, String afterKey, int wanted) {
        this.prefix = prefix;
        this.afterKey = afterKey;
        this.wanted = wanted;
    }

    /** Up to {@code wanted} object files whose keys start with prefix and sort after afterKey, in key order. */
    static List<Path> list(Path root, Path startDir, String prefix, String afterKey, int wanted) throws IOException {
        LocalLister lister = new LocalLister(prefix, afterKey, wanted);
        String startKey = startDir.equals(root)
                ? ""
                : root.relativize(startDir).toString().replace('\\', '/') + "/";
        if (Files.isDirectory(startDir, LinkOption.NOFOLLOW_LINKS)) lister.walk(startDir, startKey);
        return lister.found;
    }

    private void walk(Path dir, String dirKey) throws IOException {
        TreeMap<String, Path> entries = new TreeMap<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path entry : stream) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".")) continue;
                BasicFileAttributes attrs =
                        Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (attrs.isDirectory()) entries.put(dirKey + name + "/", entry);
                else if (attrs.isRegularFile()) entries.put(dirKey + name, entry);
            }
        }
        for (var e : entries.entrySet()) {
            if (found.size() >= wanted) return;
            String key = e.getKey();
            if (key.endsWith("/")) {
                if (mayContainMatches(key)) walk(e.getValue(), key);
            } else if (key.startsWith(prefix) && (afterKey == null || key.compareTo(afterKey) > 0) && isKey(key)) {
                found.add(e.getValue());
            }
        }
    }

    /** Files dropped in by hand with names outside the key grammar are not objects of this store. */
    private static boolean isKey(String key) {
        try {
            new AssetKey(key);
            return true;
        } catch (ValidationException e) {
            return false;
        }
    }

    /** Every key below "d/" starts with "d/": skip it if that can't match the prefix or lies wholly before the cursor. */
    private boolean mayContainMatches(String dirKey) {
        if (!dirKey.startsWith(prefix) && !prefix.startsWith(dirKey)) return false;
        return afterKey == null || dirKey.compareTo(afterKey) > 0 || afterKey.startsWith(dirKey);
    }
}
