package dev.avatarkit.runtime.influencer;

import dev.avatarkit.core.port.InfluencerFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.imageio.ImageIO;

/**
 * {@link InfluencerFiles} with Moshi for the manifest and headless java.awt + ImageIO for the contact sheet (labels
 * in a built-in bitmap font: see {@link BitmapFont}). Stills are decoded one at a time, so memory holds one still
 * plus the sheet.
 */
public final class MoshiAwtInfluencerFiles implements InfluencerFiles {
    private static final Logger LOG = Logger.getLogger(MoshiAwtInfluencerFiles.class.getName());

    @Override
    public ContactSheet writeContactSheet(List<Tile> tiles) {
        ContactSheetCanvas sheet = new ContactSheetCanvas(tiles.size());
        List<PixelSize> sizes = new ArrayList<>();
        for (int position = 0; position < tiles.size(); position++) {
            Tile tile = tiles.get(position);
            BufferedImage image = tile.still() == null ? null : read(tile);
            if (image != null) {
                sheet.still(position, image, tile.label());
                sizes.add(new PixelSize(image.getWidth(), image.getHeight()));
            } else {
                sheet.missing(position, tile.label(), tile.note());
                sizes.add(null);
            }
        }
        return new ContactSheet(sheet.png(), sizes);
    }

    @Override
    public byte[] writeManifest(Manifest manifest) {
        return ManifestJson.write(manifest);
    }

    /** A still that is gone from the store or does not decode becomes a placeholder, not a failed sheet. */
    private static BufferedImage read(Tile tile) {
        try (InputStream in = tile.still().get()) {
            return ImageIO.read(in);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "cannot read still " + tile.label() + " for the contact sheet: " + e.getMessage());
            return null;
        }
    }
}
