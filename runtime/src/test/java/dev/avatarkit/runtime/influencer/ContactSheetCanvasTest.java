package dev.avatarkit.runtime.influencer;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The sheet decodes, has the documented size, and its labels and tiles are really drawn. */
class ContactSheetCanvasTest {

    private static BufferedImage solid(int rgb, int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) image.setRGB(x, y, rgb);
        return image;
    }

    private static BufferedImage decode(ContactSheetCanvas sheet) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(sheet.png()));
        assertThat(image).isNotNull();
        return image;
    }

    @Test
    void givenFiftyTiles_whenRendered_thenTenColumnsByFiveRowsDecodeAsPng() throws IOException {
        ContactSheetCanvas sheet = new ContactSheetCanvas(50);
        for (int i = 0; i < 50; i++) sheet.still(i, solid(0x2060A0, 64, 64), String.format("%02d shot", i + 1));

        BufferedImage png = decode(sheet);
        assertThat(png.getWidth()).isEqualTo(10 * ContactSheetCanvas.TILE);
        assertThat(png.getHeight()).isEqualTo(5 * (ContactSheetCanvas.TILE + ContactSheetCanvas.LABEL));
        assertThat(png.getRGB(ContactSheetCanvas.TILE / 2, ContactSheetCanvas.TILE / 2) & 0xFFFFFF)
                .isEqualTo(0x2060A0);
        assertThat(png.getRGB(
                                9 * ContactSheetCanvas.TILE + 90,
                                4 * (ContactSheetCanvas.TILE + ContactSheetCanvas.LABEL) + 90)
                        & 0xFFFFFF)
                .isEqualTo(0x2060A0);
    }

    @Test
    void givenThreeTiles_whenRendered_thenOneRowOfThree() throws IOException {
        ContactSheetCanvas sheet = new ContactSheetCanvas(3);

        BufferedImage png = decode(sheet);
        assertThat(png.getWidth()).isEqualTo(3 * ContactSheetCanvas.TILE);
        assertThat(png.getHeight()).isEqualTo(ContactSheetCanvas.TILE + ContactSheetCanvas.LABEL);
    }

    @Test
    void givenDifferentLabels_whenRendered_thenLabelAreasHaveInkAndDiffer() throws IOException {
        ContactSheetCanvas sheet = new ContactSheetCanvas(2);
        sheet.still(0, solid(0xFFFFFF, 10, 10), "01 front-closeup-neutral-studio");
        sheet.still(1, solid(0xFFFFFF, 10, 10), "02 three-quarter-left-closeup-smiling-street");
        BufferedImage png = decode(sheet);

        int[] first = labelPixels(png, 0);
        int[] second = labelPixels(png, 1);
        assertThat(java.util.Arrays.stream(first)
                        .filter(p -> (p & 0xFFFFFF) != 0xFFFFFF)
                        .count())
                .isGreaterThan(50);
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void givenAMissingStill_whenRendered_thenAGreyPlaceholderWithItsNote() throws IOException {
        ContactSheetCanvas sheet = new ContactSheetCanvas(1);
        sheet.missing(0, "07 profile-left", "failed");
        BufferedImage png = decode(sheet);

        assertThat(png.getRGB(5, 5) & 0xFFFFFF).isEqualTo(0xD8D8D8);
        assertThat(java.util.Arrays.stream(labelPixels(png, 0)).anyMatch(p -> (p & 0xFFFFFF) == 0x111111))
                .isTrue();
    }

    @Test
    void givenAWideStill_whenDrawn_thenItIsScaledToFitAndCentred() throws IOException {
        ContactSheetCanvas sheet = new ContactSheetCanvas(1);
        sheet.still(0, solid(0xFF0000, 400, 100), "01 wide");
        BufferedImage png = decode(sheet);

        assertThat(png.getRGB(ContactSheetCanvas.TILE / 2, ContactSheetCanvas.TILE / 2) & 0xFFFFFF)
                .isEqualTo(0xFF0000);
        assertThat(png.getRGB(ContactSheetCanvas.TILE / 2, 5) & 0xFFFFFF).isEqualTo(0xFFFFFF); // letterboxed
    }

    private static int[] labelPixels(BufferedImage png, int column) {
        return png.getRGB(
                column * ContactSheetCanvas.TILE,
                ContactSheetCanvas.TILE,
                ContactSheetCanvas.TILE,
                ContactSheetCanvas.LABEL,
                null,
                0,
                ContactSheetCanvas.TILE);
    }
}
