package dev.avatarkit.sim;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** Draws stills and thumbnails headlessly: colour from the prompt hash, the prompt text, a face turned by angle words. */
public final class Imaging {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Imaging() {}

    /** The PNG text keyword under which every still carries the id of the look (or image) that produced it. */
    public static final String MARK_KEYWORD = "avatarkit-sim-source";

    /** A PNG portrait still that differs visibly per prompt (and per variant). */
    public static byte[] stillPng(String prompt, int variant, int width, int height) {
        return stillPng(null, prompt, variant, width, height);
    }

    /**
     * A still marked with the id of what produced it: drawn in its top corner and stored as a PNG text chunk, so a test
     * can prove that each stored still is its own look's. Prompts that share their first lines and angle used to
     * differ only by a hue (a few hundred distinct RGB values), so two looks could come out byte-identical.
     */
    public static byte[] stillPng(String mark, String prompt, int variant, int width, int height) {
        String text = prompt == null ? "" : prompt;
        BufferedImage img = draw(text, variant, width, height, BufferedImage.TYPE_INT_ARGB);
        if (mark == null) return encode(img, "png");
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.MONOSPACED, Font.BOLD, Math.max(9, height / 40)));
            g.drawString(mark, 6, 6 + g.getFontMetrics().getAscent());
        } finally {
            g.dispose();
        }
        return PngText.encode(img, MARK_KEYWORD, mark);
    }

    /** The id a still was marked with by {@link #stillPng(String, String, int, int, int)}, if any. */
    public static java.util.Optional<String> markOf(byte[] png) {
        return PngText.read(png, MARK_KEYWORD);
    }

    /** A JPEG video thumbnail. */
    public static byte[] thumbnailJpeg(String title) {
        BufferedImage img = draw(title == null ? "video" : title, 0, 320, 180, BufferedImage.TYPE_INT_RGB);
        return encode(img, "jpg");
    }

    /** The horizontal face offset (-1 left … +1 right) implied by angle keywords in a prompt. */
    static double yaw(String prompt) {
        String p = prompt.toLowerCase(Locale.ROOT);
        double side = p.contains("left") ? -1 : p.contains("right") ? 1 : 0;
        if (p.contains("profile")) return side == 0 ? 1 : side;
        if (p.contains("three-quarter") || p.contains("3/4") || p.contains("three quarter"))
            return 0.55 * (side == 0 ? 1 : side);
        return 0.35 * side;
    }

    private static BufferedImage draw(String text, int variant, int w, int h, int type) {
        int hash = (text + "#" + variant).hashCode();
        Color bg = Color.getHSBColor((hash & 0xffff) / 65535f, 0.45f, 0.85f);
        BufferedImage img = new BufferedImage(w, h, type);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(bg);
            g.fillRect(0, 0, w, h);
            boolean back = text.toLowerCase(Locale.ROOT).contains("back view");
            double yaw = yaw(text);
            int cx = w / 2, cy = (int) (h * 0.42), rw = Math.max(8, w / 6), rh = (int) (rw * 1.3);
            g.setColor(new Color(0x3a3a3a));
            g.fillRoundRect(cx - rw * 2, cy + rh, rw * 4, h, rw, rw); // shoulders
            g.setColor(new Color(0xf1c27d));
            g.fillOval(cx - rw, cy - rh, rw * 2, rh * 2);
            g.setColor(new Color(0x4b2e1e));
            g.fillArc(cx - rw, cy - rh, rw * 2, (int) (rh * (back ? 2 : 1.1)), 0, 180); // hair
            if (!back) {
                int shift = (int) (yaw * rw * 0.6);
                g.setColor(Color.BLACK);
                int eye = Math.max(2, rw / 6);
                if (yaw > -0.9) g.fillOval(cx + shift - rw / 2 - eye / 2, cy - eye, eye, eye);
                if (yaw < 0.9) g.fillOval(cx + shift + rw / 2 - eye / 2, cy - eye, eye, eye);
                g.setStroke(new BasicStroke(Math.max(1, rw / 12f)));
                g.drawLine(cx + shift, cy, cx + shift + (int) (yaw * rw * 0.4), cy + rh / 3);
                g.drawArc(cx + shift - rw / 3, cy + rh / 3, rw * 2 / 3, rh / 4, 200, 140);
            }
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(9, h / 28)));
            int y = h - (int) (h * 0.2);
            for (String line : wrap(text + (variant > 0 ? " #" + variant : ""), Math.max(10, w / (h / 50 + 6)))) {
                g.drawString(line, 6, y);
                y += g.getFontMetrics().getHeight();
                if (y > h - 2) break;
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            if (line.length() + word.length() + 1 > width && line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(word);
        }
        if (line.length() > 0) lines.add(line.toString());
        return lines;
    }

    private static byte[] encode(BufferedImage img, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(img, format, out)) throw new IOException("no ImageIO writer for " + format);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SRT captions for a script: one cue per sentence, two seconds each. */
    public static String srt(String script) {
        String text = script == null || script.isBlank() ? "Hello from the HeyGen simulator." : script;
        StringBuilder sb = new StringBuilder();
        int i = 0;
        for (String sentence : text.split("(?<=[.!?])\\s+")) {
            if (sentence.isBlank()) continue;
            sb.append(i + 1)
                    .append('\n')
                    .append(ts(i * 2))
                    .append(" --> ")
                    .append(ts(i * 2 + 2))
                    .append('\n')
                    .append(sentence.trim())
                    .append("\n\n");
            i++;
        }
        return sb.toString();
    }

    private static String ts(int seconds) {
        return String.format(Locale.ROOT, "%02d:%02d:%02d,000", seconds / 3600, (seconds / 60) % 60, seconds % 60);
    }
}
