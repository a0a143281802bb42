package dev.avatarkit.runtime;

import dev.avatarkit.core.domain.Require;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything avatarkit is configured with (DESIGN §5), validated once. Secrets are {@link Secret}s so that
 * printing the config never shows them.
 */
public record AvatarkitConfig(
        String provider,
        ProviderValues providerSettings,
        Path home,
        String dbUrl,
        String storage,
        Path storageDir,
        String s3Bucket,
        String s3Prefix,
        URI s3Endpoint,
        boolean s3PathStyle,
        String awsRegion,
        boolean sandbox,
        int httpPort,
        List<Secret> httpTokens,
        URI publicUrl) {

    public AvatarkitConfig {
        Require.nonBlank(provider, "AVATARKIT_PROVIDER");
        providerSettings = providerSettings == null ? ProviderValues.none() : providerSettings;
        Require.nonNull(home, "AVATARKIT_HOME");
        Require.nonBlank(dbUrl, "AVATARKIT_DB_URL");
        Require.that(
                dbUrl.startsWith("jdbc:sqlite:") || dbUrl.startsWith("jdbc:postgresql:"),
                "AVATARKIT_DB_URL",
                "AVATARKIT_DB_URL must start with jdbc:sqlite: or jdbc:postgresql:");
        Require.that(
                storage.equals("local") || storage.equals("s3"),
                "AVATARKIT_STORAGE",
                "AVATARKIT_STORAGE must be local or s3, was '" + storage + "'");
        if (storage.equals("s3")) {
            Require.that(
                    s3Bucket != null && !s3Bucket.isBlank(),
                    "AVATARKIT_S3_BUCKET",
                    "AVATARKIT_STORAGE=s3 needs AVATARKIT_S3_BUCKET");
        }
        Require.between(httpPort, 0, 65535, "AVATARKIT_HTTP_PORT");
        httpTokens = httpTokens == null ? List.of() : List.copyOf(httpTokens);
    }

    /** Every secret value configured (provider keys, webhook secrets, HTTP tokens), for log redaction. */
    public List<String> secretValues() {
        List<String> secrets = new java.util.ArrayList<>(providerSettings.secrets());
        httpTokens.forEach(token -> secrets.add(token.reveal()));
        return secrets;
    }
}
