package dev.avatarkit.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Issue 16 #6: two looks never yield the same bytes, and each still says which look produced it. */
class StillMarkTest {
    // The two shots of the reported run: the same identity text first, the same angle, so the drawn picture was equal
    private static final String SHARED =
            "Mia, a woman in her twenties, short black bob, freckles, warm smile, realistic"
                    + " photograph, consistent identity, same face and hair in every shot, ";

    @Test
    void givenTwoLooksWithTheSameVisiblePicture_whenRendered_thenTheirBytesDifferAndCarryTheirLookIds() {
        byte[] a = Imaging.stillPng("look_a1", SHARED + "three-quarter left, close-up, smiling, studio", 3, 192, 256);
        byte[] b = Imaging.stillPng("look_b2", SHARED + "three-quarter left, half body, serious, beach", 3, 192, 256);

        assertThat(Arrays.equals(a, b)).isFalse();
        assertThat(Imaging.markOf(a)).contains("look_a1");
        assertThat(Imaging.markOf(b)).contains("look_b2");
    }

    @Test
    void givenAnUnmarkedImage_thenNoMarkIsRead() {
        assertThat(Imaging.markOf(Imaging.stillPng("plain", 0, 32, 32))).isEmpty();
        assertThat(Imaging.markOf(new byte[] {1, 2, 3})).isEmpty();
    }
}
