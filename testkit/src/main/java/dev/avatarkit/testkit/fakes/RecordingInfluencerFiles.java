package dev.avatarkit.testkit.fakes;

import dev.avatarkit.core.port.InfluencerFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link InfluencerFiles} that keeps what core asked for (the last manifest, the last sheet's tiles and which stills
 * could be read) and writes small text stand-ins, so tests check what the report says, not how it is drawn. A still
 * counts as readable when its stream opens and is not empty; its "size" is then 1×{@code bytes}.
 */
public final class RecordingInfluencerFiles implements InfluencerFiles {
    private volatile Manifest lastManifest;
    private volatile List<String> lastSheet = List.of();

    @Override
    public synchronized ContactSheet writeContactSheet(List<Tile> tiles) {
        List<PixelSize> sizes = new ArrayList<>();
        List<String> drawn = new ArrayList<>();
        for (Tile tile : tiles) {
            int bytes = tile.still() == null ? 0 : length(tile);
            sizes.add(bytes > 0 ? new PixelSize(1, bytes) : null);
            drawn.add(bytes > 0 ? tile.label() : tile.label() + " (" + tile.note() + ")");
        }
        lastSheet = List.copyOf(drawn);
        return new ContactSheet(String.join("\n", drawn).getBytes(StandardCharsets.UTF_8), sizes);
    }

    @Override
    public byte[] writeManifest(Manifest manifest) {
        lastManifest = manifest;
        return ("manifest of " + manifest.identity().id() + ": "
                        + manifest.shots().size() + " shots")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The last manifest asked for, or null. */
    public Manifest lastManifest() {
        return lastManifest;
    }

    /** The last sheet's tiles: a label per drawn still, "label (note)" per placeholder. */
    public List<String> lastSheet() {
        return lastSheet;
    }

    private static int length(Tile tile) {
        try (InputStream in = tile.still().get()) {
            return in.readAllBytes().length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException unreadable) {
            return 0;
        }
    }
}
