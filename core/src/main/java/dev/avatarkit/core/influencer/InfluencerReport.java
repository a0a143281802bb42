package dev.avatarkit.core.influencer;

import dev.avatarkit.core.domain.AssetKey;
import dev.avatarkit.core.domain.AssetKind;
import dev.avatarkit.core.domain.IdentitySpec;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.domain.Shot;
import dev.avatarkit.core.domain.StoredAsset;
import dev.avatarkit.core.engine.AssetKeys;
import dev.avatarkit.core.port.AssetStore;
import dev.avatarkit.core.port.JobStore;
import dev.avatarkit.core.port.PutOptions;
import dev.avatarkit.core.port.StorageException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.imageio.ImageIO;

/**
 * (Re)writes an identity's {@code manifest.json} and {@code contact-sheet.png} from the job store and the stored
 * stills. Safe to run any time and any number of times: it reads the current state and replaces both files. Stills
 * are read one at a time through {@link AssetStore#open}, so memory holds one still plus the sheet.
 */
public final class InfluencerReport {
    public static final String MANIFEST = "manifest.json";
    public static final String CONTACT_SHEET = "contact-sheet.png";
    private static final Logger LOG = Logger.getLogger(InfluencerReport.class.getName());

    private final JobStore jobs;
    private final AssetStore assets;
    private final Clock clock;

    public InfluencerReport(JobStore jobs, AssetStore assets, Clock clock) {
        this.jobs = jobs;
        this.assets = assets;
        this.clock = clock;
    }

    /** What was written: where, and how many shots had a stored still. */
    public record Written(AssetKey manifest, AssetKey contactSheet, int shots, int stored) {}

    public Written write(JobId identityId) {
        Job identity = IdentityJobs.identity(jobs, identityId);
        IdentitySpec spec = IdentityJobs.spec(identity);
        Map<Integer, Job> byShot = new HashMap<>();
        for (Job still : IdentityJobs.stills(jobs, identityId)) byShot.putIfAbsent(IdentityJobs.shotIndex(still), still);

        List<Shot> shots = spec.shots().shots();
        ContactSheet sheet = new ContactSheet(shots.size());
        List<ManifestJson.Entry> entries = new ArrayList<>();
        Map<String, Integer> states = new TreeMap<>();
        int stored = 0;
        for (int position = 0; position < shots.size(); position++) {
            Shot shot = shots.get(position);
            Job job = byShot.get(shot.index());
            states.merge(job == null ? "NOT_CREATED" : job.state().name(), 1, Integer::sum);
            StoredAsset asset = job == null ? null : job.asset(AssetKind.STILL).orElse(null);
            String label = String.format("%02d %s", shot.index(), shot.slug());
            BufferedImage image = asset == null ? null : read(asset);
            if (image != null) {
                sheet.still(position, image, label);
                stored++;
            } else {
                sheet.missing(position, label, asset != null ? "unreadable" : job == null ? "not created" : stateNote(job));
            }
            entries.add(new ManifestJson.Entry(shot, job, asset, image == null ? null : image.getWidth(),
                    image == null ? null : image.getHeight()));
        }
        AssetKey sheetKey = AssetKeys.influencerFile(identity, CONTACT_SHEET);
        AssetKey manifestKey = AssetKeys.influencerFile(identity, MANIFEST);
        put(sheetKey, sheet.png(), AssetKind.STILL.defaultContentType(), identityId);
        String manifest = ManifestJson.write(identity, entries, states, sheetKey, clock.instant());
        put(manifestKey, manifest.getBytes(StandardCharsets.UTF_8), AssetKind.MANIFEST.defaultContentType(), identityId);
        return new Written(manifestKey, sheetKey, shots.size(), stored);
    }

    private static String stateNote(Job job) {
        return job.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    /** A still that is gone from the store or does not decode becomes a placeholder, not a failed report. */
    private BufferedImage read(StoredAsset asset) {
        try (InputStream in = assets.open(asset.key())) {
            return ImageIO.read(in);
        } catch (IOException | StorageException e) {
            LOG.log(Level.WARNING, "cannot read still " + asset.key() + " for the contact sheet: " + e.getMessage());
            return null;
        }
    }

    private void put(AssetKey key, byte[] bytes, String contentType, JobId source) {
        assets.put(key, new ByteArrayInputStream(bytes), new PutOptions(contentType, source));
    }
}
