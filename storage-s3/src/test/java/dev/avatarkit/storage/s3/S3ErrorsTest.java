package dev.avatarkit.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avatarkit.core.port.StorageException;
import dev.avatarkit.core.port.StorageException.Reason;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

class S3ErrorsTest {
    @Test
    void givenNoSuchBucket_thenBucketMissingNamingBucketAndSetting() {
        StorageException e = S3Errors.map(s3(404, "NoSuchBucket"), "writing", "media", "a/b");

        assertThat(e.reason()).isEqualTo(Reason.BUCKET_MISSING);
        assertThat(e.getMessage()).contains("'media'", "AVATARKIT_S3_BUCKET", "req-1");
        assertThat(S3Errors.map(NoSuchBucketException.builder().statusCode(404).build(), "listing", "media", "")
                        .reason())
                .isEqualTo(Reason.BUCKET_MISSING);
    }

    @Test
    void givenAny403_thenPermissionDenied() {
        for (String code : new String[] {"AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch"}) {
            StorageException e = S3Errors.map(s3(403, code), "writing", "media", "a/b");
            assertThat(e.reason()).isEqualTo(Reason.PERMISSION_DENIED);
            assertThat(e.getMessage()).contains("s3://media/a/b", code);
        }
    }

    @Test
    void givenNoSuchKeyOr404_thenNotFound() {
        assertThat(S3Errors.map(NoSuchKeyException.builder().statusCode(404).build(), "reading", "m", "k")
                        .reason())
                .isEqualTo(Reason.NOT_FOUND);
        assertThat(S3Errors.map(s3(404, null), "reading", "m", "k").reason()).isEqualTo(Reason.NOT_FOUND);
    }

    @Test
    void givenServerErrorOrClientError_thenIo() {
        assertThat(S3Errors.map(s3(500, "InternalError"), "writing", "m", "k").reason())
                .isEqualTo(Reason.IO);
        StorageException e = S3Errors.map(SdkClientException.create("Connection refused"), "listing", "m", "");
        assertThat(e.reason()).isEqualTo(Reason.IO);
        assertThat(e.getMessage()).contains("AVATARKIT_S3_ENDPOINT", "Connection refused");
    }

    @Test
    void givenNoCodeNoMessageButARawBody_thenTheBodyIsTheMessageAndTheEndpointIsSuspected() {
        S3Exception plain = (S3Exception) S3Exception.builder()
                .statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .rawResponse(SdkBytes.fromUtf8String("This combination of host and port requires TLS.\n"))
                        .build())
                .build();

        StorageException e = S3Errors.map(plain, "writing", "m", "k");

        assertThat(e.getMessage())
                .isEqualTo(
                        "S3 failed while writing s3://m/k (400): This combination of host and port"
                                + " requires TLS.; the answer is not from S3 — check AVATARKIT_S3_ENDPOINT (http or https, host and port)");
    }

    @Test
    void givenNothingAtAll_thenSaysSoInsteadOfNull() {
        StorageException e = S3Errors.map(S3Exception.builder().statusCode(400).build(), "writing", "m", "k");

        assertThat(e.getMessage())
                .contains("(400): the server sent no error message")
                .doesNotContain("null");
    }

    private static S3Exception s3(int status, String code) {
        return (S3Exception) S3Exception.builder()
                .statusCode(status)
                .requestId("req-1")
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(code)
                        .errorMessage("msg")
                        .build())
                .build();
    }
}
