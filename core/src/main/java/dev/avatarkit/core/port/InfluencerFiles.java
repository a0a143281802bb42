package dev.avatarkit.core.port;

import dev.avatarkit.core.domain.AssetKey;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.Require;
import dev.avatarkit.core.domain.Shot;
import dev.avatarkit.core.domain.StoredAsset;
import java.io.InputStream;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Renders an identity's two report files as bytes: {@code manifest.json} and {@code contact-sheet.png}. Core decides
 * what they say (which shots, which jobs and assets, in which order); an implementation decides how it looks (JSON
 * layout, image drawing), with whatever libraries it likes. Implementations are stateless and thread-safe; neither
 * method writes to storage.
 */
public interface InfluencerFiles {
    /**
     * A PNG grid of {@code tiles} in order, one tile per shot. A tile whose still cannot be opened or decoded is drawn
     * as a placeholder with its {@code note}; reading a still never fails the sheet.
     *
     * @return the PNG and, per tile in the same order, the still's pixel size (null where there was none)
     */
    ContactSheet writeContactSheet(List<Tile> tiles);

    /** The manifest document (UTF-8 JSON): the identity, per-state counts, the sheet's key and one entry per shot. */
    byte[] writeManifest(Manifest manifest);

    /**
     * One shot on the sheet: its label, and its still's bytes ({@code still} null when nothing is stored). Each
     * stream is opened once and closed by the implementation. {@code note} says why a tile has no picture
     * ("failed", "not created", or "unreadable" for a still that is stored but cannot be read).
     */
    record Tile(String label, Supplier<InputStream> still, String note) {
        public Tile {
            Require.nonNull(label, "label");
            Require.nonNull(note, "note");
        }
    }

    /** A still's decoded size. */
    record PixelSize(int width, int height) {}

    /** The sheet's PNG bytes and the size of each tile's still (null entries where none was drawn). */
    record ContactSheet(byte[] png, List<PixelSize> sizes) {
        public ContactSheet {
            Require.nonNull(png, "png");
            Require.nonNull(sizes, "sizes");
        }
    }

    /**
     * What the manifest reports. {@code shots} in shot order; {@code states} counts each job state (and
     * {@code NOT_CREATED}) over the shots.
     */
    record Manifest(
            Job identity,
            List<ShotEntry> shots,
            Map<String, Integer> states,
            AssetKey contactSheet,
            Instant generatedAt) {
        public Manifest {
            Require.nonNull(identity, "identity");
            Require.nonNull(contactSheet, "contactSheet");
            Require.nonNull(generatedAt, "generatedAt");
            shots = List.copyOf(shots);
            states = Collections.unmodifiableMap(new TreeMap<>(states)); // sorted: the manifest lists them by name
        }
    }

    /** One shot as the manifest reports it; {@code job}, {@code asset} and {@code size} may be null. */
    record ShotEntry(Shot shot, Job job, StoredAsset asset, PixelSize size) {}
}
