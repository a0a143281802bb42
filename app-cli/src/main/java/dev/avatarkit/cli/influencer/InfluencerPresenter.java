package dev.avatarkit.cli.influencer;

import com.google.inject.Inject;
import com.google.inject.Provider;
import dev.avatarkit.cli.app.Durations;
import dev.avatarkit.cli.app.ExitCodes;
import dev.avatarkit.cli.output.InfluencerDocuments;
import dev.avatarkit.cli.output.Output;
import dev.avatarkit.core.domain.IdentitySpec;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.domain.Shot;
import dev.avatarkit.core.domain.StillSpec;
import dev.avatarkit.core.domain.StoredAsset;
import dev.avatarkit.core.influencer.InfluencerStatus;
import dev.avatarkit.core.port.AssetStore;
import dev.avatarkit.runtime.AvatarkitConfig;
import dev.avatarkit.runtime.json.JobDocument;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Shows an influencer (human lines or one JSON document) and decides how a command that watched it exits. */
public final class InfluencerPresenter {
    private final Provider<AvatarkitConfig> config;
    private final Provider<AssetStore> assetStore;
    private final Output out;

    @Inject
    InfluencerPresenter(Provider<AvatarkitConfig> config, Provider<AssetStore> assetStore, Output out) {
        this.config = config;
        this.assetStore = assetStore;
        this.out = out;
    }

    /** Prints the influencer; returns the exit code: 0 all stored, 1 something failed, 4 not finished (wait only). */
    public int report(InfluencerStatus.View view, boolean created, boolean wait, Duration timeout) {
        InfluencerDocuments.Influencer doc = document(view, created);
        if (out.json()) out.document(doc);
        else describe(doc).forEach(out::line);
        return exitCode(view, doc, wait, timeout);
    }

    /** The exit code and hints of {@link #report} without printing the influencer (a command prints its own document). */
    public int exitCodeOnly(InfluencerStatus.View view, boolean wait, Duration timeout) {
        return exitCode(view, document(view, false), wait, timeout);
    }

    private int exitCode(
            InfluencerStatus.View view, InfluencerDocuments.Influencer doc, boolean wait, Duration timeout) {
        Job identity = view.identity();
        if (identity.state().isTerminal() && identity.state() != JobState.SUCCEEDED) {
            out.progress("the identity ended " + identity.state()
                    + (identity.error() == null ? "" : " (" + identity.error().message() + ")")
                    + "; no stills were made. Render it again with: avatarkit jobs retry " + identity.id());
            return ExitCodes.JOB_FAILED;
        }
        if (!doc.failed().isEmpty()) {
            out.progress(doc.failed().size()
                    + " still(s) did not succeed; render the FAILED ones again with: avatarkit avatar retry " + doc.id()
                    + "   (one at a time: avatarkit jobs retry <still job id>)");
            return ExitCodes.JOB_FAILED;
        }
        if (wait && !view.finished()) {
            out.progress("not finished after " + Durations.format(timeout)
                    + "; the jobs go on. Pick them up with: avatarkit avatar wait " + doc.id()
                    + "   (or: avatarkit jobs resume)");
            return ExitCodes.TIMED_OUT;
        }
        if (!wait && !view.finished()) {
            out.progress("rendering; follow it with: avatarkit " + (config.get().sandbox() ? "--sandbox " : "")
                    + "avatar wait " + doc.id());
        }
        return ExitCodes.OK;
    }

    public InfluencerDocuments.Influencer document(InfluencerStatus.View view, boolean created) {
        Job identity = view.identity();
        IdentitySpec spec = (IdentitySpec) identity.spec();
        AssetStore assets = assetStore.get();
        InfluencerReportKeys files = InfluencerReportKeys.of(identity);
        String manifest =
                assets.stat(files.manifest()).map(o -> o.uri().toString()).orElse(null);
        String sheet =
                assets.stat(files.contactSheet()).map(o -> o.uri().toString()).orElse(null);
        List<InfluencerDocuments.Still> stills = stills(view);
        String stillsDir = stills.isEmpty()
                ? null
                : stills.get(0).uri().substring(0, stills.get(0).uri().lastIndexOf('/') + 1);
        Map<String, Integer> states = new TreeMap<>();
        view.byState().forEach((state, n) -> states.put(state.name(), n));
        List<InfluencerDocuments.FailedStill> failed =
                view.failed().stream().map(InfluencerPresenter::failed).toList();
        return new InfluencerDocuments.Influencer(
                identity.id().value(),
                spec.name(),
                identity.state().name(),
                created,
                view.shots(),
                view.stored().size(),
                states,
                view.finished(),
                view.complete(),
                stillsDir,
                manifest,
                sheet,
                stills,
                view.missing().stream().map(Shot::fileStem).toList(),
                failed,
                JobDocument.of(identity));
    }

    public static List<InfluencerDocuments.Still> stills(InfluencerStatus.View view) {
        return view.stored().stream()
                .map(s -> {
                    StoredAsset a = s.asset();
                    return new InfluencerDocuments.Still(
                            s.shot().index(),
                            s.shot().slug(),
                            s.jobId().value(),
                            a.key().value(),
                            a.uri().toString(),
                            a.size(),
                            a.sha256());
                })
                .toList();
    }

    private static InfluencerDocuments.FailedStill failed(Job still) {
        Shot shot = ((StillSpec) still.spec()).shot();
        String retry = still.state() == JobState.FAILED || still.state() == JobState.NEEDS_ATTENTION
                ? "avatarkit jobs retry " + still.id()
                : null;
        return new InfluencerDocuments.FailedStill(
                shot.index(),
                shot.slug(),
                still.id().value(),
                still.state().name(),
                still.error() == null ? null : still.error().code(),
                still.error() == null ? null : still.error().message(),
                retry);
    }

    static List<String> describe(InfluencerDocuments.Influencer doc) {
        List<String> lines = new java.util.ArrayList<>();
        lines.add("influencer    " + doc.id() + "  " + doc.name() + "  (identity " + doc.state() + ")");
        JobDocument identity = doc.identity();
        if (identity.error() != null)
            lines.add("error         " + identity.error().code() + ": "
                    + identity.error().message());
        identity.assets().forEach(a -> lines.add("base look     " + a.uri()));
        StringBuilder counts = new StringBuilder("stills        " + doc.stored() + "/" + doc.shots() + " stored");
        doc.stillStates()
                .forEach(
                        (state, n) -> counts.append(" · ").append(n).append(' ').append(state));
        lines.add(counts.toString());
        if (doc.stillsDir() != null) lines.add("stills dir    " + doc.stillsDir());
        if (doc.manifest() != null) lines.add("manifest      " + doc.manifest());
        if (doc.contactSheet() != null) lines.add("contact sheet " + doc.contactSheet());
        for (InfluencerDocuments.FailedStill f : doc.failed()) {
            lines.add(String.format(
                    Locale.ROOT,
                    "failed        %02d-%s  %s  %s%s",
                    f.index(),
                    f.slug(),
                    f.job(),
                    f.state(),
                    f.message() == null ? "" : "  " + f.code() + ": " + f.message()));
        }
        if (doc.finished() && !doc.missing().isEmpty() && doc.failed().isEmpty() && "SUCCEEDED".equals(doc.state())) {
            lines.add("missing       " + String.join(", ", doc.missing()));
        }
        return lines;
    }
}
