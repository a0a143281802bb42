package dev.avatarkit.cli.influencer;

import com.google.inject.Inject;
import com.google.inject.Provider;
import dev.avatarkit.cli.output.Output;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.influencer.InfluencerReport;
import dev.avatarkit.core.influencer.InfluencerStatus;
import dev.avatarkit.core.port.AssetStore;
import dev.avatarkit.runtime.Workers;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Runs the engine in this process and watches an influencer: until its identity is accepted by the provider, or
 * (with {@code --wait}) until the identity and every still are finished. Progress is one bar redrawn on a TTY,
 * else a plain line when the counts change (at most every 2 s).
 */
public final class InfluencerFollower {
    static final Duration TICK = Duration.ofMillis(250);
    static final Duration LINE_EVERY = Duration.ofSeconds(2);
    static final Duration SUBMIT_WAIT = Duration.ofMinutes(2);
    /** The last still's hook writes the report just after committing its state; after this we write it ourselves. */
    static final Duration REPORT_GRACE = Duration.ofSeconds(5);

    private final Provider<Workers> workers;
    private final Provider<InfluencerStatus> influencerStatus;
    private final Provider<AssetStore> assetStore;
    private final Provider<InfluencerReport> influencerReport;
    private final Output out;

    @Inject
    InfluencerFollower(
            Provider<Workers> workers,
            Provider<InfluencerStatus> influencerStatus,
            Provider<AssetStore> assetStore,
            Provider<InfluencerReport> influencerReport,
            Output out) {
        this.workers = workers;
        this.influencerStatus = influencerStatus;
        this.assetStore = assetStore;
        this.influencerReport = influencerReport;
        this.out = out;
    }

    /** Watches until {@code wait ? finished : identity submitted} or the timeout; returns the last view. */
    public InfluencerStatus.View follow(JobId id, boolean wait, Duration timeout) throws InterruptedException {
        workers.get().start();
        InfluencerStatus status = influencerStatus.get();
        // without --wait only the identity's submission is awaited, as `video create` does (at most 2 minutes)
        Instant deadline = Instant.now().plus(wait || timeout.compareTo(SUBMIT_WAIT) < 0 ? timeout : SUBMIT_WAIT);
        Instant lastLine = Instant.EPOCH;
        String lastText = null;
        while (true) {
            InfluencerStatus.View view = status.status(id);
            boolean done = wait ? view.finished() : submitted(view);
            boolean over = done || Instant.now().isAfter(deadline);
            String text = progress(view);
            if (out.tty()) {
                if (!text.equals(lastText) || over) out.redraw(text);
                lastText = text;
            } else if (!text.equals(lastText) && (over || Instant.now().isAfter(lastLine.plus(LINE_EVERY)))) {
                out.progress(text);
                lastLine = Instant.now();
                lastText = text;
            }
            if (over) {
                if (out.tty()) out.endRedraw();
                if (done && wait) ensureReport(view);
                return view;
            }
            Thread.sleep(TICK.toMillis());
        }
    }

    private static boolean submitted(InfluencerStatus.View view) {
        JobState state = view.identity().state();
        return state != JobState.QUEUED && state != JobState.SUBMITTING;
    }

    /** The manifest and contact sheet exist once every still is finished (written again here if the hook did not). */
    void ensureReport(InfluencerStatus.View view) throws InterruptedException {
        if (view.identity().state() != JobState.SUCCEEDED) return;
        AssetStore assets = assetStore.get();
        InfluencerReportKeys files = InfluencerReportKeys.of(view.identity());
        Instant until = Instant.now().plus(REPORT_GRACE);
        while (!(assets.exists(files.manifest()) && assets.exists(files.contactSheet()))
                && Instant.now().isBefore(until)) {
            Thread.sleep(100);
        }
        if (!assets.exists(files.manifest()) || !assets.exists(files.contactSheet())) {
            influencerReport.get().write(view.identity().id());
        }
    }

    /** {@code [######------] stills 2/4 stored · identity SUCCEEDED · 2 RENDERING · 2 SUCCEEDED}. */
    public static String progress(InfluencerStatus.View view) {
        int finished = view.byState().entrySet().stream()
                .filter(e -> e.getKey().isTerminal())
                .mapToInt(Map.Entry::getValue)
                .sum();
        int width = 24;
        int filled = view.shots() == 0 ? width : (int) Math.round(width * (double) finished / view.shots());
        StringBuilder line = new StringBuilder("[")
                .append("#".repeat(filled))
                .append("-".repeat(width - filled))
                .append("] ");
        line.append("stills ").append(finished).append('/').append(view.shots()).append(" done");
        line.append(" · identity ").append(view.identity().state());
        for (JobState state : JobState.values()) {
            int n = view.byState().getOrDefault(state, 0);
            if (n > 0) line.append(" · ").append(n).append(' ').append(state);
        }
        return line.toString();
    }
}
