package dev.avatarkit.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avatarkit.core.domain.Background;
import dev.avatarkit.core.domain.Character;
import dev.avatarkit.core.domain.JobError;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.domain.JobSpec;
import dev.avatarkit.core.domain.Voice;
import dev.avatarkit.core.port.StorageException;
import dev.avatarkit.testkit.jobs.JobSamples;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JobJsonTest {
    private final JobJson json = new JobJson();

    static List<JobSpec> specs() {
        return JobSamples.everySpec();
    }

    @ParameterizedTest
    @MethodSource("specs")
    void givenSpecVariant_whenWrittenAndRead_thenEqual(JobSpec spec) {
        String text = json.spec(spec);

        assertThat(json.spec(text)).isEqualTo(spec);
        assertThat(text).startsWith("{\"type\":");
    }

    @Test
    void givenMultiSceneSpec_whenWritten_thenEveryNestedVariantIsLabelled() {
        String text = json.spec(JobSamples.multiScene());

        assertThat(text)
                .contains(
                        "\"type\":\"video\"",
                        "\"type\":\"avatar\"",
                        "\"type\":\"talking_photo\"",
                        "\"type\":\"image\"",
                        "\"type\":\"text\"",
                        "\"type\":\"audio\"",
                        "\"type\":\"silence\"",
                        "\"type\":\"color\"",
                        "\"type\":\"video\"");
    }

    @Test
    void givenSealedHierarchies_whenListed_thenSampleCoversEveryPermittedSubtype() {
        // A new subtype in core must get a JSON label (and a sample) before it can be stored.
        String text = JobSamples.everySpec().stream().map(json::spec).reduce("", String::concat);
        for (Class<?> sealed : List.of(JobSpec.class, Character.class, Voice.class, Background.class)) {
            assertThat(sealed.getPermittedSubclasses())
                    .as(sealed.getSimpleName())
                    .isNotEmpty();
        }
        assertThat(Arrays.stream(JobSpec.class.getPermittedSubclasses()).count())
                .isEqualTo(4);
        assertThat(Arrays.stream(Character.class.getPermittedSubclasses()).count())
                .isEqualTo(3);
        assertThat(Arrays.stream(Voice.class.getPermittedSubclasses()).count()).isEqualTo(3);
        assertThat(Arrays.stream(Background.class.getPermittedSubclasses()).count())
                .isEqualTo(3);
        assertThat(text).contains("\"type\":\"template\"", "\"type\":\"identity\"", "\"type\":\"still\"");
    }

    @Test
    void givenAssetsAndErrors_whenWrittenAndRead_thenEqual() {
        var job = JobSamples.everyField(JobId.next(JobSamples.T0), null);

        assertThat(json.assets(json.assets(job.assets()))).isEqualTo(job.assets());
        assertThat(json.error(json.error(job.error()))).isEqualTo(job.error());
        assertThat(json.error((JobError) null)).isNull();
        assertThat(json.assets("[]")).isEmpty();
    }

    @Test
    void givenUnknownTypeLabel_whenRead_thenStorageExceptionNamingTheColumn() {
        assertThatThrownBy(() -> json.spec("{\"type\":\"hologram\"}"))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("'spec'")
                .hasMessageContaining("hologram");
    }

    @Test
    void givenInvalidValue_whenRead_thenStorageExceptionNotAHalfBuiltSpec() {
        String text = json.spec(JobSamples.still()).replace("look-1", " ");

        assertThatThrownBy(() -> json.spec(text)).isInstanceOf(StorageException.class);
    }
}
