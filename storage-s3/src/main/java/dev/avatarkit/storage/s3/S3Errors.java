package dev.avatarkit.storage.s3;

import dev.avatarkit.core.port.StorageException;
import dev.avatarkit.core.port.StorageException.Reason;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Maps AWS SDK failures to {@link StorageException}s that say what to do; SDK types never cross the port. */
final class S3Errors {
    private S3Errors() {}

    static StorageException map(SdkException e, String action, String bucket, String objectKey) {
        String where = "s3://" + bucket + "/" + objectKey;
        if (e instanceof S3Exception s3) {
            S3Remote remote = S3Remote.of(s3);
            String detail = " (" + s3.statusCode() + remote.codeSuffix() + remote.requestIdSuffix() + ")";
            if (e instanceof NoSuchBucketException || "NoSuchBucket".equals(remote.code())) {
                return new StorageException(
                        Reason.BUCKET_MISSING,
                        "S3 bucket '" + bucket + "' does not exist" + detail
                                + ": create it, or set AVATARKIT_S3_BUCKET to an existing bucket",
                        e);
            }
            if (s3.statusCode() == 403) {
                // 403 covers AccessDenied, InvalidAccessKeyId, SignatureDoesNotMatch, RequestTimeTooSkewed...
                return new StorageException(
                        Reason.PERMISSION_DENIED,
                        "access denied while " + action + " " + where + detail + ": " + remote.message()
                                + "; check the credentials (AWS_ACCESS_KEY_ID / AWS_PROFILE) and the bucket policy",
                        e);
            }
            if (e instanceof NoSuchKeyException || s3.statusCode() == 404) {
                return new StorageException(Reason.NOT_FOUND, "no object " + where + detail, e);
            }
            String hint = remote.code() == null
                    // No S3 error document: the endpoint is probably not S3 at all (wrong port, http vs https, a
                    // proxy).
                    ? "; the answer is not from S3 — check AVATARKIT_S3_ENDPOINT (http or https, host and port)"
                    : "";
            return new StorageException(
                    Reason.IO, "S3 failed while " + action + " " + where + detail + ": " + remote.message() + hint, e);
        }
        if (e instanceof SdkClientException) {
            return new StorageException(
                    Reason.IO,
                    "could not reach S3 while " + action + " " + where
                            + " (check AVATARKIT_S3_ENDPOINT and the network): " + e.getMessage(),
                    e);
        }
        return new StorageException(Reason.IO, "S3 failed while " + action + " " + where + ": " + e.getMessage(), e);
    }
}
