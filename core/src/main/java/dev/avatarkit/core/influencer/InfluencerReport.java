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
import dev.avatarkit.core.port.InfluencerFiles;
import dev.avatarkit.core.port.JobStore;
import dev.avatarkit.core.port.PutOptions;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * (Re)writes an identity's {@code manifest.json} and {@code contact-sheet.png} from the job store and the stored
 * stills, rendered by an {@link InfluencerFiles}. Safe to run any time and any number of times: it reads the current
 * state and replaces both files. Stills are handed over as streams opened on demand through {@link AssetStore#open},
 * so memory holds one still plus the sheet.
 */
public final class InfluencerReport {
    public static final String MANIFEST = "manifest.json";
    public static final String CONTACT_SHEET = "contact-sheet.png";

    private final JobStore jobs;
    private final AssetStore assets;
    private final Clock clock;
    private final InfluencerFiles files;

    public InfluencerReport(JobStore jobs, AssetStore assets, Clock clock, InfluencerFiles files) {
        this.jobs = jobs;
        this.assets = assets;
        this.clock = clock;
        this.files = files;
    }

    /** What was written: where, and how many shots had a stored still. */
    public record Written(AssetKey manifest, AssetKey contactSheet, int shots, int stored) {}

    public Written write(JobId identityId) {
        Job identity = IdentityJobs.identity(jobs, identityId);
        IdentitySpec spec = IdentityJobs.spec(identity);
        Map<Integer, Job> byShot = new HashMap<>();
        for (Job still : IdentityJobs.stills(jobs, identityId))
            byShot.putIfAbsent(IdentityJobs.shotIndex(still), still);

        List<Shot> shots = spec.shots().shots();
        List<InfluencerFiles.Tile> tiles = new ArrayList<>();
        Map<String, Integer> states = new TreeMap<>();
        for (Shot shot : shots) {
            Job job = byShot.get(shot.index());
            states.merge(job == null ? "NOT_CREATED" : job.state().name(), 1, Integer::sum);
            StoredAsset asset = stillOf(job);
            String label = String.format("%02d %s", shot.index(), shot.slug());
            tiles.add(
                    asset == null
                            ? new InfluencerFiles.Tile(label, null, job == null ? "not created" : stateNote(job))
                            : new InfluencerFiles.Tile(label, () -> assets.open(asset.key()), "unreadable"));
        }
        InfluencerFiles.ContactSheet sheet = files.writeContactSheet(tiles);
        List<InfluencerFiles.ShotEntry> entries = new ArrayList<>();
        int stored = 0;
        for (int position = 0; position < shots.size(); position++) {
            Job job = byShot.get(shots.get(position).index());
            InfluencerFiles.PixelSize size = sheet.sizes().get(position);
            if (size != null) stored++;
            entries.add(new InfluencerFiles.ShotEntry(shots.get(position), job, stillOf(job), size));
        }
        AssetKey sheetKey = AssetKeys.influencerFile(identity, CONTACT_SHEET);
        AssetKey manifestKey = AssetKeys.influencerFile(identity, MANIFEST);
        put(sheetKey, sheet.png(), AssetKind.STILL.defaultContentType(), identityId);
        byte[] manifest =
                files.writeManifest(new InfluencerFiles.Manifest(identity, entries, states, sheetKey, clock.instant()));
        put(manifestKey, manifest, AssetKind.MANIFEST.defaultContentType(), identityId);
        return new Written(manifestKey, sheetKey, shots.size(), stored);
    }

    private static StoredAsset stillOf(Job job) {
        return job == null ? null : job.asset(AssetKind.STILL).orElse(null);
    }

    private static String stateNote(Job job) {
        return job.state().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private void put(AssetKey key, byte[] bytes, String contentType, JobId source) {
        assets.put(key, new ByteArrayInputStream(bytes), new PutOptions(contentType, source));
    }
}
