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

  /** A PNG portrait still that differs visibly per prompt (and per variant). */
  public static byte[] stillPng(String prompt, int variant, int width, int height) {
    BufferedImage img = draw(prompt == null ? "" : prompt, variant, width, height, BufferedImage.TYPE_INT_ARGB);
    return encode(img, "png");
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
    if (p.contains("three-quarter") || p.contains("3/4") || p.contains("three quarter")) return 0.55 * (side == 0 ? 1 : side);
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
      sb.append(i + 1).append('\n')
          .append(ts(i * 2)).append(" --> ").append(ts(i * 2 + 2)).append('\n')
          .append(sentence.trim()).append("\n\n");
      i++;
    }
    return sb.toString();
  }

  private static String ts(int seconds) {
    return String.format(Locale.ROOT, "%02d:%02d:%02d,000", seconds / 3600, (seconds / 60) % 60, seconds % 60);
  }
}
