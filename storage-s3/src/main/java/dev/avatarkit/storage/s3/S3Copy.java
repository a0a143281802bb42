package dev.avatarkit.storage.s3;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.MetadataDirective;

/** Server-side copy with new metadata: one CopyObject up to 5 GiB, UploadPartCopy ranges beyond. */
final class S3Copy {
    private static final long COPY_PART = 512L * 1024 * 1024;
    private final software.amazon.awssdk.services.s3.S3Client s3;
    private final String bucket;
    private final long copyLimit;
    private final long copyPart;

    S3Copy(software.amazon.awssdk.services.s3.S3Client s3, String bucket, long copyLimit, int minPart) {
        this.s3 = s3;
        this.bucket = bucket;
        this.copyLimit = copyLimit;
        this.copyPart = Math.max(minPart, Math.min(COPY_PART, copyLimit));
    }

    void copy(String from, String to, long size, String contentType, Map<String, String> metadata) {
        if (size <= copyLimit) {
            s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(from).destinationBucket(bucket).destinationKey(to)
                    .metadataDirective(MetadataDirective.REPLACE).contentType(contentType).metadata(metadata));
            return;
        }
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(to).contentType(contentType)
                .metadata(metadata)).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            for (long start = 0; start < size; start += copyPart) {
                int partNumber = parts.size() + 1;
                String range = "bytes=" + start + "-" + (Math.min(start + copyPart, size) - 1);
                String etag = s3.uploadPartCopy(b -> b.sourceBucket(bucket).sourceKey(from).destinationBucket(bucket)
                        .destinationKey(to).uploadId(uploadId).partNumber(partNumber).copySourceRange(range))
                        .copyPartResult().eTag();
                parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
            }
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(to).uploadId(uploadId).multipartUpload(m -> m.parts(parts)));
        } catch (RuntimeException e) {
            try {
                s3.abortMultipartUpload(b -> b.bucket(bucket).key(to).uploadId(uploadId));
            } catch (RuntimeException abortFailure) {
                e.addSuppressed(abortFailure);
            }
            throw e;
        }
    }
}
