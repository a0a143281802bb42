package dev.avatarkit.core.influencer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avatarkit.core.domain.IdentitySpec;
import dev.avatarkit.core.domain.ValidationException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad identities are refused before anything is paid for, naming the field. */
class ReferenceImagesTest {
    @TempDir
    Path dir;

    static IdentitySpec withReferences(String... references) {
        return new IdentitySpec("Mia", "red hair", null, null, null, null, List.of(references), DefaultShots.first(3));
    }

    static Path png(Path file, int size) throws IOException {
        ImageIO.write(new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
        return file;
    }

    private static ValidationException refused(IdentitySpec spec) {
        try {
            ReferenceImages.check(spec);
        } catch (ValidationException e) {
            return e;
        }
        throw new AssertionError("expected the identity to be refused");
    }

    @Test
    void givenReadablePngJpegAndHttpsReferences_whenChecked_thenAccepted() throws IOException {
        Path png = png(dir.resolve("face.png"), 1200);
        Path jpg = dir.resolve("side.jpg");
        ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "jpeg", jpg.toFile());

        assertThatCode(() -> ReferenceImages.check(
                        withReferences(png.toString(), jpg.toString(), "https://cdn.example.com/ref.png?sig=abc")))
                .doesNotThrowAnyException();
    }

    @Test
    void givenAMissingFile_whenChecked_thenTheReferenceIsNamedByPosition() throws IOException {
        Path good = png(dir.resolve("ok.png"), 8);
        ValidationException e =
                refused(withReferences(good.toString(), dir.resolve("nope.png").toString()));

        assertThat(e.field()).isEqualTo("references[2]");
        assertThat(e.getMessage()).contains("no such file").contains("nope.png");
    }

    @Test
    void givenADirectoryATextFileOrATruncatedPng_whenChecked_thenRefusedAsNotAnImage() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.png"), "not an image at all");
        byte[] whole = Files.readAllBytes(png(dir.resolve("whole.png"), 300));
        Path truncated = Files.write(dir.resolve("cut.png"), Arrays.copyOf(whole, whole.length / 3));
        Path empty = Files.write(dir.resolve("empty.png"), new byte[0]);

        assertThat(refused(withReferences(dir.toString())).getMessage()).contains("not a regular file");
        assertThat(refused(withReferences(text.toString())).getMessage()).contains("not a PNG or JPEG");
        assertThat(refused(withReferences(truncated.toString())).getMessage()).contains("does not decode");
        assertThat(refused(withReferences(empty.toString())).getMessage()).contains("is empty");
    }

    @Test
    void givenAGif_whenChecked_thenRefusedAsUnsupported() throws IOException {
        Path gif = dir.resolve("anim.gif");
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "gif", gif.toFile());

        assertThat(refused(withReferences(gif.toString())).getMessage()).contains("gif is not supported");
    }

    @Test
    void givenAFileOver32Mb_whenChecked_thenRefusedWithTheLimitAndNothingIsDecoded() throws IOException {
        Path big = dir.resolve("huge.png");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(ReferenceImages.MAX_BYTES + 1); // sparse: costs no disk
        }

        ValidationException e = refused(withReferences(big.toString()));
        assertThat(e.field()).isEqualTo("references[1]");
        assertThat(e.getMessage()).contains("32 MB");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ftp://files.example/a.png",
                "https:///no-host.png",
                "https://exa mple.com/a.png",
                "HTTPS://cdn.example.com/a.png",
                "file:///etc/passwd"
            })
    void givenAMalformedOrNonHttpUrl_whenChecked_thenRefused(String url) {
        ValidationException e = refused(withReferences(url));

        assertThat(e.field()).isEqualTo("references[1]");
        assertThat(e.getMessage()).containsAnyOf("not a valid URL", "https://");
    }

    @Test
    void givenABlankReference_whenChecked_thenRefused() {
        assertThat(refused(withReferences(" ")).getMessage()).contains("must not be blank");
    }

    @Test
    void givenFourReferencesOrABlankPrompt_whenTheSpecIsBuilt_thenTheFieldIsNamed() {
        assertThatThrownBy(() -> withReferences(
                        "https://a.example/1.png",
                        "https://a.example/2.png",
                        "https://a.example/3.png",
                        "https://a.example/4.png"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("at most 3")
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("reference"));
        assertThatThrownBy(() -> new IdentitySpec("Mia", " ", null, null, null, null, List.of(), DefaultShots.first(1)))
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("prompt"));
    }
}
