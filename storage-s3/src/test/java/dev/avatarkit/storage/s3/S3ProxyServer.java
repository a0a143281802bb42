package dev.avatarkit.storage.s3;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One embedded S3Proxy 2.6 per test JVM, on a random port, backed by jclouds' "filesystem" blobstore in a temp
 * directory (so a 120 MiB object does not sit in the test's heap). Each store gets its own key prefix, so
 * tests never see each other's objects.
 */
final class S3ProxyServer {
    static final String BUCKET = "avatarkit-it";
    static final String ACCESS = "access";
    static final String SECRET = "secret";
    private static final AtomicInteger PREFIXES = new AtomicInteger();
    private static S3ProxyServer instance;

    private final URI endpoint;
    private final S3Client raw;

    private S3ProxyServer(URI endpoint) {
        this.endpoint = endpoint;
        this.raw = S3Clients.client(config(""));
        raw.createBucket(b -> b.bucket(BUCKET));
    }

    static synchronized S3ProxyServer get() {
        if (instance == null) instance = start();
        return instance;
    }

    private static S3ProxyServer start() {
        // logback (from s3proxy) defaults to DEBUG on the console: jetty, jclouds and the SDK would drown the report.
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        try {
            Path dir = Files.createTempDirectory("s3proxy-it");
            dir.toFile().deleteOnExit();
            Properties properties = new Properties();
            properties.setProperty("jclouds.filesystem.basedir", dir.toString());
            BlobStoreContext context = ContextBuilder.newBuilder("filesystem")
                    .credentials(ACCESS, SECRET)
                    .overrides(properties)
                    .build(BlobStoreContext.class);
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(context.getBlobStore())
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS, SECRET)
                    .endpoint(URI.create("http://127.0.0.1:0"))
                    .ignoreUnknownHeaders(true)
                    .build();
            proxy.start();
            while (!proxy.getState().equals("STARTED")) Thread.sleep(10);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    proxy.stop();
                } catch (Exception ignored) {
                    // JVM is exiting anyway
                }
            }));
            return new S3ProxyServer(URI.create("http://127.0.0.1:" + proxy.getPort()));
        } catch (Exception e) {
            throw new IllegalStateException("could not start S3Proxy", e);
        }
    }

    /** S3Proxy 2.6 rejects the SDK's default aws-chunked CRC32 trailers: WHEN_REQUIRED, path-style. */
    S3StoreConfig config(String prefix) {
        return S3StoreConfig.forBucket(BUCKET)
                .withPrefix(prefix)
                .withEndpoint(endpoint, true, S3StoreConfig.ChecksumMode.WHEN_REQUIRED)
                .withCredentials(new S3StoreConfig.Credentials(ACCESS, SECRET));
    }

    /** A config whose prefix no other store in this JVM uses. */
    S3StoreConfig freshConfig() {
        return config("run-" + PREFIXES.incrementAndGet());
    }

    /** A plain client, to check what the store wrote through the bare S3 API. */
    S3Client raw() {
        return raw;
    }

    URI endpoint() {
        return endpoint;
    }
}
