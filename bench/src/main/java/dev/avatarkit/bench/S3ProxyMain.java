package dev.avatarkit.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.slf4j.LoggerFactory;

/**
 * {@code S3ProxyMain --port P --dir D --bucket B}: S3Proxy 2.6 (jclouds filesystem blobstore under D, V2/V4 auth
 * with access/secret) in its own JVM, so our put and {@code aws s3 cp} write to the same server and neither pays for
 * the other's heap. Prints "ready http://127.0.0.1:P" once the bucket exists.
 */
public final class S3ProxyMain {
    static final String ACCESS = "access";
    static final String SECRET = "secretsecret";

    private S3ProxyMain() {}

    public static void main(String[] argv) throws Exception {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        Map<String, String> args = Measure.args(argv);
        int port = Integer.parseInt(args.getOrDefault("port", "9000"));
        Path dir = Path.of(
                args.getOrDefault("dir", Files.createTempDirectory("bench-s3").toString()));
        String bucket = args.getOrDefault("bucket", "bench");
        Files.createDirectories(dir.resolve(bucket)); // filesystem blobstore: a bucket is a directory
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", dir.toString());
        BlobStoreContext context = ContextBuilder.newBuilder("filesystem")
                .credentials(ACCESS, SECRET)
                .overrides(properties)
                .build(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS, SECRET)
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .ignoreUnknownHeaders(true)
                .build();
        proxy.start();
        while (!proxy.getState().equals("STARTED")) Thread.sleep(10);
        System.out.println("ready http://127.0.0.1:" + proxy.getPort());
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                proxy.stop();
            } catch (Exception ignored) {
                // exiting
            }
        }));
        Thread.currentThread().join();
    }
}
