package dev.avatarkit.runtime.influencer;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * A grid of every shot in order, each tile the still scaled to fit (or a grey placeholder saying why it is missing)
 * over a two-line label: shot index and slug. Pure java.awt on an off-screen image; no display, no system fonts.
 */
final class ContactSheetCanvas {
    static final int TILE = 192;
    static final int LABEL = 24;
    static final int MAX_COLUMNS = 10;
    private static final int PAD = 3;
    private static final int CHARS_PER_LINE = (TILE - 2 * PAD) / BitmapFont.ADVANCE;
    private static final int BACKGROUND = 0xFFFFFF;
    private static final int INK = 0x111111;
    private static final Color PLACEHOLDER = new Color(0xD8D8D8);

    private final BufferedImage sheet;
    private final int columns;

    ContactSheetCanvas(int tiles) {
        if (tiles < 1) throw new IllegalArgumentException("a contact sheet needs at least one tile");
        this.columns = columns(tiles);
        int rows = (tiles + columns - 1) / columns;
        this.sheet = new BufferedImage(columns * TILE, rows * (TILE + LABEL), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        g.setColor(new Color(BACKGROUND));
        g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
        g.dispose();
    }

    static int columns(int tiles) {
        return Math.min(tiles, MAX_COLUMNS);
    }

    /** Draws a still into tile {@code position} (0-based), scaled to fit and centred. */
    void still(int position, BufferedImage image, String label) {
        int x = x(position);
        int y = y(position);
        double scale = Math.min((double) TILE / image.getWidth(), (double) TILE / image.getHeight());
        int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
        Graphics2D g = sheet.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, x + (TILE - w) / 2, y + (TILE - h) / 2, w, h, null);
        g.dispose();
        label(x, y, label);
    }

    /** A grey tile with a note ("failed", "rendering"…) where a still is not stored. */
    void missing(int position, String label, String note) {
        int x = x(position);
        int y = y(position);
        Graphics2D g = sheet.createGraphics();
        g.setColor(PLACEHOLDER);
        g.fillRect(x + 1, y + 1, TILE - 2, TILE - 2);
        g.dispose();
        String text = note.length() > CHARS_PER_LINE ? note.substring(0, CHARS_PER_LINE) : note;
        BitmapFont.draw(sheet, text, x + (TILE - text.length() * BitmapFont.ADVANCE) / 2, y + TILE / 2 - 3, INK);
        label(x, y, label);
    }

    byte[] png() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(sheet, "png", out)) throw new IllegalStateException("no PNG writer in this JDK");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    int width() {
        return sheet.getWidth();
    }

    int height() {
        return sheet.getHeight();
    }

    private void label(int x, int y, String label) {
        String first = label.length() > CHARS_PER_LINE ? label.substring(0, CHARS_PER_LINE) : label;
        String rest = label.substring(first.length());
        if (rest.length() > CHARS_PER_LINE) rest = rest.substring(0, CHARS_PER_LINE);
        BitmapFont.draw(sheet, first, x + PAD, y + TILE + PAD, INK);
        BitmapFont.draw(sheet, rest, x + PAD, y + TILE + PAD + BitmapFont.HEIGHT + 3, INK);
    }

    private int x(int position) {
        return (position % columns) * TILE;
    }

    private int y(int position) {
        return (position / columns) * (TILE + LABEL);
    }
}
