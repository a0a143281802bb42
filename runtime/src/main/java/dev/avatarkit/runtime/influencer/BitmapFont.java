package dev.avatarkit.runtime.influencer;

import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A 5×7 pixel font for contact-sheet labels. Drawing with AWT fonts needs fontconfig and installed fonts, which
 * slim server images often lack (the JDK then throws from {@code drawString}); labels are only digits, letters
 * and '-', so a built-in bitmap font keeps the sheet renderable anywhere.
 */
final class BitmapFont {
    static final int WIDTH = 5;
    static final int HEIGHT = 7;
    static final int ADVANCE = WIDTH + 1;
    private static final Map<Character, String> GLYPHS = new HashMap<>();

    static {
        glyph('0', ".###./#...#/#..##/#.#.#/##..#/#...#/.###.");
        glyph('1', "..#../.##../..#../..#../..#../..#../.###.");
        glyph('2', ".###./#...#/....#/...#./..#../.#.../#####");
        glyph('3', "####./....#/....#/.###./....#/....#/####.");
        glyph('4', "...#./..##./.#.#./#..#./#####/...#./...#.");
        glyph('5', "#####/#..../####./....#/....#/#...#/.###.");
        glyph('6', ".###./#..../#..../####./#...#/#...#/.###.");
        glyph('7', "#####/....#/...#./..#../.#.../.#.../.#...");
        glyph('8', ".###./#...#/#...#/.###./#...#/#...#/.###.");
        glyph('9', ".###./#...#/#...#/.####/....#/....#/.###.");
        glyph('a', ".###./#...#/#...#/#####/#...#/#...#/#...#");
        glyph('b', "####./#...#/#...#/####./#...#/#...#/####.");
        glyph('c', ".###./#...#/#..../#..../#..../#...#/.###.");
        glyph('d', "####./#...#/#...#/#...#/#...#/#...#/####.");
        glyph('e', "#####/#..../#..../####./#..../#..../#####");
        glyph('f', "#####/#..../#..../####./#..../#..../#....");
        glyph('g', ".###./#...#/#..../#.###/#...#/#...#/.####");
        glyph('h', "#...#/#...#/#...#/#####/#...#/#...#/#...#");
        glyph('i', ".###./..#../..#../..#../..#../..#../.###.");
        glyph('j', "..###/...#./...#./...#./...#./#..#./.##..");
        glyph('k', "#...#/#..#./#.#../##.../#.#../#..#./#...#");
        glyph('l', "#..../#..../#..../#..../#..../#..../#####");
        glyph('m', "#...#/##.##/#.#.#/#.#.#/#...#/#...#/#...#");
        glyph('n', "#...#/#...#/##..#/#.#.#/#..##/#...#/#...#");
        glyph('o', ".###./#...#/#...#/#...#/#...#/#...#/.###.");
        glyph('p', "####./#...#/#...#/####./#..../#..../#....");
        glyph('q', ".###./#...#/#...#/#...#/#.#.#/#..#./.##.#");
        glyph('r', "####./#...#/#...#/####./#.#../#..#./#...#");
        glyph('s', ".####/#..../#..../.###./....#/....#/####.");
        glyph('t', "#####/..#../..#../..#../..#../..#../..#..");
        glyph('u', "#...#/#...#/#...#/#...#/#...#/#...#/.###.");
        glyph('v', "#...#/#...#/#...#/#...#/#...#/.#.#./..#..");
        glyph('w', "#...#/#...#/#...#/#.#.#/#.#.#/#.#.#/.#.#.");
        glyph('x', "#...#/#...#/.#.#./..#../.#.#./#...#/#...#");
        glyph('y', "#...#/#...#/.#.#./..#../..#../..#../..#..");
        glyph('z', "#####/....#/...#./..#../.#.../#..../#####");
        glyph('-', "...../...../...../.###./...../...../.....");
        glyph('.', "...../...../...../...../...../...../..#..");
        glyph('?', ".###./#...#/....#/...#./..#../...../..#..");
        glyph(' ', "...../...../...../...../...../...../.....");
    }

    private BitmapFont() {}

    private static void glyph(char c, String rows) {
        String bits = rows.replace("/", "");
        if (bits.length() != WIDTH * HEIGHT) throw new IllegalStateException("glyph '" + c + "' is malformed");
        GLYPHS.put(c, bits);
    }

    /** Draws {@code text} with its top-left corner at (x, y), clipped to the image; unknown characters draw '?'. */
    static void draw(BufferedImage image, String text, int x, int y, int rgb) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            String bits = GLYPHS.getOrDefault(lower.charAt(i), GLYPHS.get('?'));
            int left = x + i * ADVANCE;
            for (int row = 0; row < HEIGHT; row++) {
                for (int col = 0; col < WIDTH; col++) {
                    int px = left + col;
                    int py = y + row;
                    boolean inside = px >= 0 && py >= 0 && px < image.getWidth() && py < image.getHeight();
                    if (inside && bits.charAt(row * WIDTH + col) == '#') image.setRGB(px, py, rgb);
                }
            }
        }
    }
}
