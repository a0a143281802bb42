package dev.avatarkit.storage.s3;

import dev.avatarkit.core.domain.AssetKey;
import dev.avatarkit.core.domain.Require;
import dev.avatarkit.core.domain.ValidationException;
import java.net.URI;

/**
 * Where and how the S3 store writes: bucket ({@code AVATARKIT_S3_BUCKET}), key prefix, region (null = the AWS
 * default chain), endpoint for S3-compatible stores (null = AWS), path-style addressing, checksum mode,
 * credentials (null = the AWS default chain) and multipart part size (the store's memory per upload).
 */
public record S3StoreConfig(
        String bucket,
        String prefix,
        String region,
        URI endpoint,
        boolean pathStyle,
        ChecksumMode checksumMode,
        Credentials credentials,
        int partSize) {
    public static final int MIN_PART_SIZE = 5 * 1024 * 1024;
    public static final int DEFAULT_PART_SIZE = 8 * 1024 * 1024;

    /**
     * WHEN_SUPPORTED is the SDK default (CRC32 on every PUT, validated on GET); many S3-compatible servers
     * (S3Proxy 2.x, older MinIO, Ceph) reject the aws-chunked trailer it needs, so they want WHEN_REQUIRED.
     */
    public enum ChecksumMode {
        WHEN_REQUIRED,
        WHEN_SUPPORTED
    }

    /** Static credentials; {@link #toString()} never shows the secret. */
    public record Credentials(String accessKeyId, String secretAccessKey) {
        public Credentials {
            Require.nonBlank(accessKeyId, "accessKeyId");
            Require.nonBlank(secretAccessKey, "secretAccessKey");
        }

        @Override
        public String toString() {
            return "Credentials[accessKeyId=" + accessKeyId + ", secretAccessKey=****]";
        }
    }

    public S3StoreConfig {
        if (bucket == null || bucket.isBlank()) {
            throw new ValidationException("bucket", "'bucket' must not be blank: set AVATARKIT_S3_BUCKET");
        }
        prefix = prefix == null ? "" : prefix;
        if (!prefix.isEmpty() && !prefix.endsWith("/")) prefix = prefix + "/";
        if (!prefix.isEmpty() && !isKey(prefix + "x")) {
            throw new ValidationException(
                    "prefix",
                    "'prefix' '" + prefix
                            + "' must be segments of [A-Za-z0-9._-] separated by '/' (set AVATARKIT_S3_PREFIX)");
        }
        if (endpoint != null
                && (!endpoint.isAbsolute()
                        || !(endpoint.getScheme().equals("http")
                                || endpoint.getScheme().equals("https")))) {
            throw new ValidationException(
                    "endpoint", "'endpoint' must be an http(s) URL, was '" + endpoint + "' (AVATARKIT_S3_ENDPOINT)");
        }
        Require.nonNull(checksumMode, "checksumMode");
        Require.that(
                partSize >= MIN_PART_SIZE && partSize <= 512 * 1024 * 1024,
                "partSize",
                "'partSize' must be between 5 MiB (the S3 minimum) and 512 MiB, was " + partSize);
    }

    /** AWS defaults for everything but the bucket. */
    public static S3StoreConfig forBucket(String bucket) {
        return new S3StoreConfig(bucket, "", null, null, false, ChecksumMode.WHEN_SUPPORTED, null, DEFAULT_PART_SIZE);
    }

    public S3StoreConfig withPrefix(String value) {
        return new S3StoreConfig(bucket, value, region, endpoint, pathStyle, checksumMode, credentials, partSize);
    }

    public S3StoreConfig withRegion(String value) {
        return new S3StoreConfig(bucket, prefix, value, endpoint, pathStyle, checksumMode, credentials, partSize);
    }

    /** An S3-compatible endpoint; such stores usually want path-style addressing and WHEN_REQUIRED checksums. */
    public S3StoreConfig withEndpoint(URI value, boolean usePathStyle, ChecksumMode mode) {
        return new S3StoreConfig(bucket, prefix, region, value, usePathStyle, mode, credentials, partSize);
    }

    public S3StoreConfig withCredentials(Credentials value) {
        return new S3StoreConfig(bucket, prefix, region, endpoint, pathStyle, checksumMode, value, partSize);
    }

    public S3StoreConfig withPartSize(int value) {
        return new S3StoreConfig(bucket, prefix, region, endpoint, pathStyle, checksumMode, credentials, value);
    }

    private static boolean isKey(String value) {
        try {
            new AssetKey(value);
            return true;
        } catch (ValidationException e) {
            return false;
        }
    }
}
