package dev.avatarkit.runtime.influencer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avatarkit.core.domain.Shot;
import dev.avatarkit.core.domain.ShotList;
import dev.avatarkit.core.domain.ValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShotListFilesTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private ValidationException refused(Path file) {
        try {
            ShotListFiles.read(file);
        } catch (ValidationException e) {
            return e;
        }
        throw new AssertionError("expected " + file + " to be refused");
    }

    @Test
    void givenAYamlListWithDefaults_whenRead_thenSlugsAndIndexesAreDerived() throws IOException {
        ShotList shots = ShotListFiles.read(file("shots.yaml", """
                shots:
                  - angle: three-quarter left
                    framing: close-up
                    expression: smiling
                    setting: Café
                  - angle: profile-right
                    framing: full-body
                    slug: walk-away
                    index: 9
                """));

        assertThat(shots.shots())
                .containsExactly(
                        new Shot(
                                1,
                                "three-quarter-left-close-up-smiling-cafe",
                                "three-quarter left",
                                "close-up",
                                "smiling",
                                "Café"),
                        new Shot(9, "walk-away", "profile-right", "full-body", "neutral", "studio"));
    }

    @Test
    void givenJson_whenRead_thenTheSameShots() throws IOException {
        ShotList shots = ShotListFiles.read(
                file(
                        "shots.json",
                        "[{\"angle\":\"front\",\"framing\":\"closeup\"},{\"angle\":\"low-angle\",\"framing\":\"half-body\",\"expression\":\"serious\"}]"));

        assertThat(shots.shots())
                .extracting(Shot::fileStem)
                .containsExactly("01-front-closeup", "02-low-angle-half-body-serious");
    }

    @Test
    void givenAMissingAngle_whenRead_thenTheErrorNamesTheLineAndField() throws IOException {
        ValidationException e = refused(file("shots.yaml", """
                shots:
                  - angle: front
                    framing: closeup
                  - framing: closeup
                    expression: sad
                """));

        assertThat(e.field()).isEqualTo("shots[2].angle");
        assertThat(e.getMessage()).startsWith("shots.yaml line 4:").contains("'shots[2].angle' is missing");
    }

    @Test
    void givenAnUnknownFieldABadIndexOrADuplicateSlug_whenRead_thenEachIsNamedWithItsLine() throws IOException {
        assertThat(refused(file("a.yaml", "- angle: front\n  framing: closeup\n  mood: happy\n"))
                        .getMessage())
                .isEqualTo(
                        "a.yaml line 3: unknown field 'mood' in 'shots[1]'; allowed: angle, expression, framing, index, setting, slug");
        assertThat(refused(file("b.yaml", "- angle: front\n  framing: closeup\n  index: two\n"))
                        .getMessage())
                .contains("b.yaml line 3")
                .contains("'shots[1].index' must be a whole number");
        ValidationException duplicate =
                refused(file("c.yaml", "- {angle: front, framing: closeup}\n- {angle: front, framing: closeup}\n"));
        assertThat(duplicate.field()).isEqualTo("shots[2].slug");
        assertThat(duplicate.getMessage()).contains("c.yaml line 2").contains("already used on line 1");
        ValidationException badSlug = refused(file("d.yaml", "- angle: front\n  framing: closeup\n  slug: Not_OK\n"));
        assertThat(badSlug.field()).isEqualTo("shots[1].slug");
        assertThat(badSlug.getMessage()).contains("d.yaml line 3").contains("'shots[1].slug' must be 1–64");
    }

    @Test
    void givenBrokenYamlAnEmptyFileOrNoFile_whenRead_thenRefusedClearly() throws IOException {
        assertThat(refused(file("e.yaml", "shots:\n  - angle: [front\n")).getMessage())
                .startsWith("e.yaml line")
                .contains("not valid YAML or JSON");
        assertThat(refused(file("f.yaml", "")).getMessage()).contains("empty");
        assertThat(refused(file("g.yaml", "shots: 3\n")).getMessage()).contains("must be a list");
        assertThat(refused(dir.resolve("nope.yaml")).getMessage()).contains("no such shot list file");
        assertThatThrownBy(() -> ShotListFiles.read(file("h.yaml", "shots: []\n")))
                .hasMessageContaining("1–100");
    }

    @Test
    void givenAYamlThatTriesToBuildAJavaObject_whenRead_thenNoClassIsInstantiated() throws IOException {
        ValidationException e = refused(file("evil.yaml", "- !!java.io.File {angle: front}\n"));

        assertThat(e.getMessage()).contains("evil.yaml line 1").contains("Global tag is not allowed");
    }
}
