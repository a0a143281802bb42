package dev.avatarkit.runtime;

import dev.avatarkit.core.domain.Require;
import dev.avatarkit.core.domain.ValidationException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything avatarkit is configured with (DESIGN §5), validated once. Secrets are {@link Secret}s so that
 * printing the config never shows them.
 */
public record AvatarkitConfig(
        Secret apiKey, URI baseUrl, URI uploadUrl, String apiVersion, int maxConcurrency, Secret webhookSecret,
        Path home, String dbUrl, String storage, Path storageDir,
        String s3Bucket, String s3Prefix, URI s3Endpoint, boolean s3PathStyle, String awsRegion,
        boolean sandbox, int httpPort, List<Secret> httpTokens, URI publicUrl) {

    public AvatarkitConfig {
        Require.nonNull(baseUrl, "HEYGEN_BASE_URL");
        Require.nonNull(uploadUrl, "HEYGEN_UPLOAD_URL");
        Require.that(apiVersion.equals("v3") || apiVersion.equals("v2"), "HEYGEN_API_VERSION",
                "HEYGEN_API_VERSION must be v3 or v2, was '" + apiVersion + "'");
        Require.between(maxConcurrency, 1, 100, "HEYGEN_MAX_CONCURRENCY");
        Require.nonNull(home, "AVATARKIT_HOME");
        Require.nonBlank(dbUrl, "AVATARKIT_DB_URL");
        Require.that(dbUrl.startsWith("jdbc:sqlite:") || dbUrl.startsWith("jdbc:postgresql:"), "AVATARKIT_DB_URL",
                "AVATARKIT_DB_URL must start with jdbc:sqlite: or jdbc:postgresql:");
        Require.that(storage.equals("local") || storage.equals("s3"), "AVATARKIT_STORAGE",
                "AVATARKIT_STORAGE must be local or s3, was '" + storage + "'");
        if (storage.equals("s3")) {
            Require.that(s3Bucket != null && !s3Bucket.isBlank(), "AVATARKIT_S3_BUCKET",
                    "AVATARKIT_STORAGE=s3 needs AVATARKIT_S3_BUCKET");
        }
        Require.between(httpPort, 0, 65535, "AVATARKIT_HTTP_PORT");
        httpTokens = httpTokens == null ? List.of() : List.copyOf(httpTokens);
    }

    /** The key to use, or a clear error saying how to get one (exit code 3 in the CLI). */
    public Secret requireApiKey() {
        if (apiKey == null) {
            throw new MissingApiKeyException();
        }
        return apiKey;
    }

    /** Raised when a command needs HeyGen and no key is configured. */
    public static final class MissingApiKeyException extends ValidationException {
        MissingApiKeyException() {
            super("HEYGEN_API_KEY", "no HeyGen API key: set HEYGEN_API_KEY (https://app.heygen.com/settings?nav=API)"
                    + " or try everything offline with --sandbox");
        }
    }
}
