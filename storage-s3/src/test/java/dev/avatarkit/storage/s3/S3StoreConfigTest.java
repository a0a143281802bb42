package dev.avatarkit.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avatarkit.core.domain.ValidationException;
import java.net.URI;
import org.junit.jupiter.api.Test;

class S3StoreConfigTest {
    @Test
    void givenOnlyABucket_thenAwsDefaultsArePinned() {
        S3StoreConfig config = S3StoreConfig.forBucket("media");

        assertThat(config.prefix()).isEmpty();
        assertThat(config.region()).isNull();
        assertThat(config.endpoint()).isNull();
        assertThat(config.pathStyle()).isFalse();
        assertThat(config.checksumMode()).isEqualTo(S3StoreConfig.ChecksumMode.WHEN_SUPPORTED);
        assertThat(config.credentials()).isNull();
        assertThat(config.partSize()).isEqualTo(8 * 1024 * 1024);
    }

    @Test
    void givenPrefixWithoutSlash_thenOneIsAdded() {
        assertThat(S3StoreConfig.forBucket("media").withPrefix("avatarkit/prod").prefix())
                .isEqualTo("avatarkit/prod/");
        assertThat(S3StoreConfig.forBucket("media").withPrefix("avatarkit/").prefix())
                .isEqualTo("avatarkit/");
    }

    @Test
    void givenBlankBucket_thenTheErrorNamesTheSetting() {
        assertThatThrownBy(() -> S3StoreConfig.forBucket(" "))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("AVATARKIT_S3_BUCKET");
    }

    @Test
    void givenHostilePrefixOrEndpointOrPartSize_thenRejected() {
        S3StoreConfig base = S3StoreConfig.forBucket("media");
        assertThatThrownBy(() -> base.withPrefix("../other"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("AVATARKIT_S3_PREFIX");
        assertThatThrownBy(() -> base.withPrefix("/abs")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(
                        () -> base.withEndpoint(URI.create("ftp://x"), true, S3StoreConfig.ChecksumMode.WHEN_REQUIRED))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("AVATARKIT_S3_ENDPOINT");
        assertThatThrownBy(() -> base.withPartSize(1024 * 1024))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("5 MiB");
    }

    @Test
    void givenCredentials_thenToStringMasksTheSecret() {
        S3StoreConfig config = S3StoreConfig.forBucket("media")
                .withCredentials(new S3StoreConfig.Credentials("AKIAEXAMPLE", "very-secret-value"));

        assertThat(config.toString()).contains("AKIAEXAMPLE").doesNotContain("very-secret-value");
    }
}
