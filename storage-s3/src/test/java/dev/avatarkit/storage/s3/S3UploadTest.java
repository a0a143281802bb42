package dev.avatarkit.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a file put sizes its parts: they hold no buffer, so fewer and bigger than a stream's, within S3's limits. */
class S3UploadTest {
    private static final long MIB = 1024 * 1024;
    private static final int CONFIGURED = 8 * 1024 * 1024;

    @Test
    void givenSmallFile_thenTheConfiguredPartSizeSoItsPartsStillGoInParallel() {
        assertThat(S3Upload.filePartSize(20 * MIB, CONFIGURED)).isEqualTo(CONFIGURED);
        assertThat(S3Upload.filePartSize(2L * S3Upload.FILE_PARTS_IN_FLIGHT * CONFIGURED, CONFIGURED))
                .isEqualTo(CONFIGURED);
    }

    @Test
    void givenMidSizedFile_thenTwoRoundsOfPartsInFlightInWholeMiB() {
        long part = S3Upload.filePartSize(300 * MIB + 1, CONFIGURED);

        assertThat(part).isEqualTo(16 * MIB); // 300 MiB / 20 parts, rounded up to a whole MiB
        assertThat(part % MIB).isZero();
    }

    @Test
    void givenBigFile_thenTheTargetPartSize() {
        assertThat(S3Upload.filePartSize(1024 * MIB, CONFIGURED)).isEqualTo(S3Upload.FILE_PART_TARGET);
        assertThat(S3Upload.filePartSize(64L * 1024 * MIB, CONFIGURED)).isEqualTo(S3Upload.FILE_PART_TARGET);
    }

    @Test
    void givenFileBeyondTenThousandTargetParts_thenPartsGrowToStayWithinS3sLimit() {
        long size = 5L * 1024 * 1024 * MIB; // 5 TiB, S3's largest object
        long part = S3Upload.filePartSize(size, CONFIGURED);

        assertThat((size + part - 1) / part).isLessThanOrEqualTo(S3Upload.MAX_PARTS);
        assertThat(part).isLessThanOrEqualTo(5L * 1024 * MIB); // S3's largest part
    }

    @Test
    void givenLargeConfiguredPartSize_thenItIsNeverShrunk() {
        assertThat(S3Upload.filePartSize(1024 * MIB, 100 * 1024 * 1024)).isEqualTo(100 * MIB);
    }
}
