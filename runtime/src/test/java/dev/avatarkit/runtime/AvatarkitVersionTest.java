package dev.avatarkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AvatarkitVersionTest {
    @Test
    void givenAMavenBuild_thenTheVersionIsThePomsNotAPlaceholder() {
        // Surefire passes the pom's version in; the resource must say the same.
        assertThat(AvatarkitVersion.current())
                .isEqualTo(System.getProperty("avatarkit.expectedVersion"))
                .matches("\\d+\\.\\d+\\.\\d+.*");
    }
}
