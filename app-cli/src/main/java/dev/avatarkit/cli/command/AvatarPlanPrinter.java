package dev.avatarkit.cli.command;

import com.google.inject.Inject;
import com.google.inject.Provider;
import dev.avatarkit.cli.app.ExitCodes;
import dev.avatarkit.cli.output.InfluencerDocuments;
import dev.avatarkit.cli.output.Output;
import dev.avatarkit.core.domain.IdentitySpec;
import dev.avatarkit.core.influencer.InfluencerPlan;
import dev.avatarkit.core.port.Catalog;
import dev.avatarkit.core.port.ProviderException;
import dev.avatarkit.core.port.UnauthorizedException;
import dev.avatarkit.core.port.VideoProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code avatar create --dry-run}: the plan (paid calls, stills and their prompts), the credits it needs against
 * what the account has, and how many renders run at once. Nothing is stored or submitted.
 */
public final class AvatarPlanPrinter {
    static final int PREVIEW = 10;
    private final Provider<InfluencerPlan> influencerPlan;
    private final Provider<VideoProvider> videoProvider;
    private final Output out;

    @Inject
    AvatarPlanPrinter(Provider<InfluencerPlan> influencerPlan, Provider<VideoProvider> videoProvider, Output out) {
        this.influencerPlan = influencerPlan;
        this.videoProvider = videoProvider;
        this.out = out;
    }

    int print(IdentitySpec spec) {
        InfluencerPlan.Plan plan = influencerPlan.get().plan(spec);
        Catalog.Account account = account();
        // one credit per paid generation is an estimate: HeyGen bills looks by plan; the account call tells what is
        // left
        Double available = account == null || account.remaining() < 0 ? null : account.remaining();
        Boolean enough = available == null ? null : available >= plan.paidCalls();
        int concurrency =
                account != null && account.maxConcurrency() > 0 ? account.maxConcurrency() : plan.maxConcurrency();
        List<InfluencerDocuments.PlannedStill> stills = plan.plannedStills().stream()
                .map(p -> new InfluencerDocuments.PlannedStill(
                        p.shot().index(), p.shot().slug(), p.prompt()))
                .toList();
        if (out.json()) {
            out.document(new InfluencerDocuments.Plan(
                    true,
                    plan.identityName(),
                    plan.provider(),
                    plan.paidCalls(),
                    plan.stills(),
                    plan.referenceUploads(),
                    concurrency,
                    (double) plan.paidCalls(),
                    available,
                    account == null ? null : account.unit(),
                    enough,
                    stills));
            return ExitCodes.OK;
        }
        out.line("influencer " + plan.identityName() + " (dry run): nothing submitted");
        out.line("paid calls    " + plan.paidCalls() + " (1 base look + " + plan.stills() + " still(s))"
                + (plan.referenceUploads() > 0 ? "; " + plan.referenceUploads() + " reference upload(s), free" : ""));
        out.line("credits       " + plan.paidCalls() + " needed (estimate, 1 per paid call), "
                + (available == null ? "available unknown" : format(available) + " " + account.unit() + " available")
                + (Boolean.FALSE.equals(enough) ? "  — NOT ENOUGH: the run would stop when credits run out" : ""));
        out.line("concurrency   " + concurrency + " render(s) at once on this account ("
                + (int) Math.ceil((double) plan.stills() / Math.max(1, concurrency)) + " wave(s) of stills)");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("SHOT", "PROMPT"));
        stills.stream()
                .limit(PREVIEW)
                .forEach(s -> rows.add(List.of(
                        String.format(Locale.ROOT, "%02d-%s", s.index(), s.slug()),
                        s.prompt().length() > 100 ? s.prompt().substring(0, 99) + "…" : s.prompt())));
        out.table(rows);
        if (stills.size() > PREVIEW)
            out.line("… and " + (stills.size() - PREVIEW) + " more (--json prints every prompt)");
        if (Boolean.FALSE.equals(enough))
            out.progress("warning: the account has fewer credits than this influencer needs");
        return ExitCodes.OK;
    }

    /** Credits are informative in a dry run: a provider hiccup leaves them unknown; a bad key is still an error. */
    private Catalog.Account account() {
        try {
            return videoProvider.get().account();
        } catch (UnauthorizedException e) {
            throw e;
        } catch (ProviderException e) {
            out.progress("could not read the account's credits: " + e.getMessage());
            return null;
        }
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
