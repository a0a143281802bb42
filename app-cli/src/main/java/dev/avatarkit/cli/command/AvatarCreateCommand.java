package dev.avatarkit.cli.command;

import com.google.inject.Inject;
import com.google.inject.Provider;
import dev.avatarkit.cli.app.Io;
import dev.avatarkit.cli.influencer.InfluencerFollower;
import dev.avatarkit.cli.influencer.InfluencerPresenter;
import dev.avatarkit.cli.influencer.LookAttributes;
import dev.avatarkit.cli.output.Output;
import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.IdentitySpec;
import dev.avatarkit.core.domain.Require;
import dev.avatarkit.core.domain.Shot;
import dev.avatarkit.core.domain.ShotList;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.influencer.CreateInfluencer;
import dev.avatarkit.core.influencer.DefaultShots;
import dev.avatarkit.core.influencer.InfluencerStatus;
import dev.avatarkit.core.influencer.ReferenceImages;
import dev.avatarkit.runtime.influencer.ShotListFiles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code avatarkit avatar create}: an AI influencer — a base look from a prompt (and up to 3 reference images), then
 * one still per shot. Everything is checked before anything is stored or paid for. The identity's key is derived
 * from what was asked, so running the same command again finds the first influencer instead of paying twice.
 */
@Command(
        name = "create",
        description = "Create an AI influencer (base look) and render its stills.",
        footer = {
            "",
            "Example (in the sandbox: no key, no network):",
            "  avatarkit --sandbox avatar create --name Mia \\",
            "    --prompt \"woman in her twenties, short black bob\" --stills 4 --wait",
            "",
            RootCommand.EXIT_CODES
        })
public final class AvatarCreateCommand implements Callable<Integer> {
    @Inject
    private Provider<CreateInfluencer> createInfluencer;

    @Inject
    private Io io;

    @Inject
    private Output out;

    @Inject
    private InfluencerFollower follower;

    @Inject
    private InfluencerPresenter presenter;

    @Inject
    private AvatarPlanPrinter planPrinter;

    @Option(names = "--name", required = true, paramLabel = "N", description = "The influencer's name (≤ 255 chars).")
    String name;

    @Option(
            names = "--prompt",
            required = true,
            paramLabel = "TEXT",
            description = "Appearance, e.g. \"woman in her twenties, short black bob\" (≤ 1000 chars).")
    String prompt;

    @Option(
            names = "--age",
            paramLabel = "AGE",
            description = "A number of years (28, 30s) or Young Adult, Early Middle Age, Late Middle Age, Senior.")
    String age;

    @Option(names = "--gender", paramLabel = "GENDER", description = "Woman or Man (female/male accepted).")
    String gender;

    @Option(
            names = "--ethnicity",
            paramLabel = "ETHNICITY",
            description =
                    "White, Black, Asian American, East Asian, South East Asian, South Asian, Middle Eastern, Pacific, Hispanic.")
    String ethnicity;

    @Option(
            names = "--style",
            paramLabel = "STYLE",
            description = "Realistic (default), Pixar, Cinematic, Vintage, Noir, Cyberpunk.")
    String style;

    @Option(
            names = "--reference",
            arity = "1..*",
            paramLabel = "IMG",
            description = "Up to 3 reference images: PNG/JPEG files (≤ 32 MB) or https URLs.")
    List<String> references = new ArrayList<>();

    @Option(
            names = "--shots",
            paramLabel = "FILE",
            description = "Shot list (YAML or JSON: angle, framing, expression, setting per shot).")
    String shots;

    @Option(names = "--stills", paramLabel = "N", description = "The first N built-in shots, 1–100 (default 50).")
    Integer stills;

    @Option(
            names = "--dry-run",
            description = "Check everything and print the plan, paid calls, credits and concurrency; submit nothing.")
    boolean dryRun;

    @Option(
            names = "--wait",
            description = "Wait until the identity and every still are stored (else: until the identity is accepted).")
    boolean wait;

    @Option(
            names = "--timeout",
            defaultValue = "2h",
            paramLabel = "DURATION",
            description = "How long --wait waits (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        IdentitySpec spec = spec();
        if (dryRun) return planPrinter.print(spec);
        CreateInfluencer.Result result = createInfluencer.get().create(CreateInfluencer.Command.local(spec, key(spec)));
        String id = result.identity().id().value();
        out.progress(
                result.created()
                        ? "created influencer " + id + " (" + result.stills()
                                + " still(s) to render after the base look)"
                        : "found influencer " + id + " from an earlier run of this command (not submitted again)");
        InfluencerStatus.View view = follower.follow(result.identity().id(), wait, timeout);
        return presenter.report(view, result.created(), wait, timeout);
    }

    /** The identity as asked, every field checked; local reference paths resolved against the working directory. */
    IdentitySpec spec() {
        if (references.size() > IdentitySpec.MAX_REFERENCES) {
            throw new ValidationException(
                    "reference",
                    "--reference: at most " + IdentitySpec.MAX_REFERENCES + " reference images, got "
                            + references.size());
        }
        if (prompt != null && prompt.isBlank()) throw new ValidationException("prompt", "'prompt' must not be blank");
        List<String> resolved = references.stream()
                .map(r -> r.isBlank() || ReferenceImages.isUrl(r)
                        ? r
                        : io.resolve(r).toString())
                .toList();
        IdentitySpec spec = new IdentitySpec(
                name,
                prompt,
                LookAttributes.age(age),
                LookAttributes.gender(gender),
                LookAttributes.ethnicity(ethnicity),
                LookAttributes.style(style),
                resolved,
                shotList());
        ReferenceImages.check(spec);
        return spec;
    }

    private ShotList shotList() {
        if (shots != null && stills != null) {
            throw new ValidationException("shots", "give --shots FILE or --stills N, not both");
        }
        if (shots != null) return ShotListFiles.read(io.resolve(shots));
        return DefaultShots.first(
                Require.between(stills == null ? DefaultShots.DEFAULT_COUNT : stills, 1, ShotList.MAX_SHOTS, "stills"));
    }

    /** Same name, look, references and shots → same key → the same influencer, never a second paid identity. */
    private static IdempotencyKey key(IdentitySpec spec) {
        StringBuilder natural = new StringBuilder();
        for (String part :
                new String[] {spec.name(), spec.prompt(), spec.age(), spec.gender(), spec.ethnicity(), spec.style()}) {
            natural.append(part == null ? "" : part).append('\u0000');
        }
        spec.references().forEach(r -> natural.append(r).append('\u0001'));
        for (Shot shot : spec.shots().shots()) {
            natural.append(shot.index())
                    .append(':')
                    .append(shot.slug())
                    .append(':')
                    .append(shot.angle())
                    .append(':')
                    .append(shot.framing())
                    .append(':')
                    .append(shot.expression())
                    .append(':')
                    .append(shot.setting())
                    .append('\u0002');
        }
        return IdempotencyKey.derived("identity", natural.toString());
    }
}
