package dev.avatarkit.storage.s3;

import dev.avatarkit.core.domain.ValidationException;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Builds the sync client and the presigner from one config, so both address the bucket the same way. */
final class S3Clients {
    private S3Clients() {}

    static S3Client client(S3StoreConfig config) {
        S3ClientBuilder builder = S3Client.builder()
                // The SDK's Apache 5 client (the s3 artifact brings it anyway; Netty is excluded). Not the JDK's
                // HttpURLConnection: the SDK's UrlConnectionHttpClient never sets a fixed-length streaming mode, so
                // the JDK buffered every part body in a growing byte array before sending it (issue 17: a copy and
                // garbage per byte uploaded, ~1 part of heap per request in flight).
                .httpClientBuilder(Apache5HttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofMinutes(2)))
                .region(region(config))
                .credentialsProvider(credentials(config))
                .forcePathStyle(config.pathStyle())
                .overrideConfiguration(o -> o.addExecutionInterceptor(new ErrorBodyCapture()));
        if (config.checksumMode() == S3StoreConfig.ChecksumMode.WHEN_REQUIRED) {
            builder.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        if (config.endpoint() != null) builder.endpointOverride(config.endpoint());
        return builder.build();
    }

    static S3Presigner presigner(S3StoreConfig config) {
        S3Presigner.Builder builder = S3Presigner.builder()
                .region(region(config))
                .credentialsProvider(credentials(config))
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(config.pathStyle())
                        .build());
        if (config.endpoint() != null) builder.endpointOverride(config.endpoint());
        return builder.build();
    }

    private static Region region(S3StoreConfig config) {
        if (config.region() != null) return Region.of(config.region());
        // S3-compatible servers ignore the region, but SigV4 still needs one.
        if (config.endpoint() != null) return Region.US_EAST_1;
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkClientException e) {
            throw new ValidationException(
                    "region", "no AWS region for the S3 store: set AWS_REGION (or a profile region)");
        }
    }

    private static AwsCredentialsProvider credentials(S3StoreConfig config) {
        if (config.credentials() == null)
            return DefaultCredentialsProvider.builder().build();
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(
                config.credentials().accessKeyId(), config.credentials().secretAccessKey()));
    }
}
