package dev.avatarkit.runtime.doctor;

import dev.avatarkit.core.domain.AssetKey;
import dev.avatarkit.core.port.AssetStore;
import dev.avatarkit.core.port.Catalog;
import dev.avatarkit.core.port.PageRequest;
import dev.avatarkit.core.port.ProviderCapabilities;
import dev.avatarkit.core.port.PutOptions;
import dev.avatarkit.core.port.StoredObject;
import dev.avatarkit.runtime.AvatarkitConfig;
import dev.avatarkit.runtime.ConfigReport;
import dev.avatarkit.runtime.Platform;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * {@code avatarkit doctor}: does this configuration work from here? Each check uses the real path a job takes (the
 * provider with our key, the job database, the asset store, the webhook URL), touches nothing a job owns, and
 * reports instead of throwing, so one broken part never hides the state of the others.
 */
public final class Doctor {
    static final int PROBE_BYTES = 1024;
    private final Platform platform;

    public Doctor(Platform platform) {
        this.platform = platform;
    }

    /** Runs every check in order, handing each result over as soon as it is known. */
    public void run(Consumer<DoctorCheck> results) {
        results.accept(providerKey());
        results.accept(database());
        results.accept(storage());
        results.accept(webhookUrl());
    }

    /** The cheapest authenticated read there is: the account. A refused key fails here, not on the first render. */
    DoctorCheck providerKey() {
        AvatarkitConfig config = platform.config();
        String provider = config.sandbox() ? "the " + config.provider() + " sandbox simulator" : config.provider();
        try {
            if (!platform.provider(null).capabilities().has(ProviderCapabilities.Feature.CREDITS)) {
                platform.video().voices(PageRequest.first(1));
                return DoctorCheck.pass("provider key", "accepted by " + provider + " (a voice listing)");
            }
            Catalog.Account account = platform.video().account();
            return DoctorCheck.pass(
                    "provider key",
                    "accepted by " + provider + " (account " + account.name() + ", plan " + account.plan() + ")");
        } catch (RuntimeException e) {
            return DoctorCheck.fail("provider key", provider, e);
        }
    }

    DoctorCheck database() {
        String where = ConfigReport.withoutPassword(platform.config().dbUrl());
        try {
            int schema = platform.database().probeWriteAndSchema();
            return DoctorCheck.pass("database", "writable, schema v" + schema + ": " + where);
        } catch (RuntimeException e) {
            return DoctorCheck.fail("database", where, e);
        }
    }

    /** A small random object under {@code _doctor/} (no job key starts so), read back, compared by sha256, deleted. */
    DoctorCheck storage() {
        String where = storageLocation(platform.config());
        try {
            AssetStore store = platform.assets();
            byte[] probe = new byte[PROBE_BYTES];
            new SecureRandom().nextBytes(probe);
            AssetKey key = AssetKey.of("_doctor", "probe-" + UUID.randomUUID() + ".bin");
            StoredObject stored =
                    store.put(key, new ByteArrayInputStream(probe), new PutOptions("application/octet-stream", null));
            try {
                String expected = sha256(probe);
                String readBack;
                try (InputStream in = store.open(key)) {
                    readBack = sha256(in.readAllBytes());
                }
                if (!expected.equals(readBack) || !expected.equals(stored.sha256())) {
                    throw new IllegalStateException(
                            "read back different bytes (sha256 " + readBack + ", wrote " + expected + ")");
                }
            } finally {
                store.delete(key);
            }
            return DoctorCheck.pass(
                    "storage", PROBE_BYTES / 1024 + " KiB written, read back (sha256 matches), deleted: " + where);
        } catch (IOException e) {
            return DoctorCheck.fail("storage", where, new UncheckedIOException(e));
        } catch (RuntimeException e) {
            return DoctorCheck.fail("storage", where, e);
        }
    }

    DoctorCheck webhookUrl() {
        if (platform.config().publicUrl() == null) {
            return DoctorCheck.skip("webhook URL", "AVATARKIT_PUBLIC_URL not set: renders are polled, no webhooks");
        }
        java.net.URI url = platform.callbackUrl(platform.config().provider());
        try {
            int status = WebhookProbe.get(url);
            return DoctorCheck.pass("webhook URL", "reachable: GET " + url + " answered HTTP " + status);
        } catch (RuntimeException e) {
            return DoctorCheck.fail("webhook URL", String.valueOf(url), e);
        }
    }

    static String storageLocation(AvatarkitConfig config) {
        return config.storage().equals("s3")
                ? "s3://" + config.s3Bucket() + "/" + config.s3Prefix()
                : config.storageDir().toAbsolutePath().normalize().toString();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
