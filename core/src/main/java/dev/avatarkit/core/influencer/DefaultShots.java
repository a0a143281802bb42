package dev.avatarkit.core.influencer;

import dev.avatarkit.core.domain.Require;
import dev.avatarkit.core.domain.Shot;
import dev.avatarkit.core.domain.ShotList;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The built-in shot list: up to 100 distinct stills (angle × framing × expression × setting), ordered so that
 * any prefix is varied: the first nine cover every angle, framing changes every nine, and expression and setting
 * shift with both.
 * {@code --stills N} takes the first N; the default is {@link #fifty()}.
 */
public final class DefaultShots {
    public static final List<String> ANGLES = List.of(
            "front",
            "three-quarter-left",
            "three-quarter-right",
            "profile-left",
            "profile-right",
            "high-angle",
            "low-angle",
            "over-the-shoulder",
            "back-three-quarter");
    public static final List<String> FRAMINGS = List.of("closeup", "half-body", "full-body");
    public static final List<String> EXPRESSIONS =
            List.of("neutral", "smiling", "laughing", "serious", "surprised", "thoughtful");
    public static final List<String> SETTINGS = List.of("studio", "street", "cafe", "beach", "office", "park");
    public static final int DEFAULT_COUNT = 50;

    private static final List<Shot> ALL = generate(ShotList.MAX_SHOTS);

    private DefaultShots() {}

    public static ShotList fifty() {
        return first(DEFAULT_COUNT);
    }

    /** The first {@code count} (1–100) default shots. */
    public static ShotList first(int count) {
        Require.between(count, 1, ShotList.MAX_SHOTS, "stills");
        return new ShotList(ALL.subList(0, count));
    }

    // i walks all 972 combinations as mixed-radix digits (angle fastest); expression and setting are sheared by the
    // faster digits so neighbours differ in several dimensions. A shear keeps the walk a bijection, so slugs are
    // unique (DefaultShotsTest pins the first shot and uniqueness for all 100).
    private static List<Shot> generate(int count) {
        List<Shot> shots = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int combinations = ANGLES.size() * FRAMINGS.size() * EXPRESSIONS.size() * SETTINGS.size();
        for (int i = 0; i < combinations && shots.size() < count; i++) {
            int a = i % ANGLES.size();
            int f = (i / ANGLES.size()) % FRAMINGS.size();
            int e = (i / (ANGLES.size() * FRAMINGS.size())) % EXPRESSIONS.size();
            int s = (i / (ANGLES.size() * FRAMINGS.size() * EXPRESSIONS.size())) % SETTINGS.size();
            String angle = ANGLES.get(a);
            String framing = FRAMINGS.get(f);
            String expression = EXPRESSIONS.get((e + a + f) % EXPRESSIONS.size());
            String setting = SETTINGS.get((s + a / 2 + 2 * f + e) % SETTINGS.size());
            String slug = ShotSlugs.of(angle, framing, expression, setting);
            if (seen.add(slug)) shots.add(new Shot(shots.size() + 1, slug, angle, framing, expression, setting));
        }
        if (shots.size() < count) throw new IllegalStateException("only " + shots.size() + " distinct default shots");
        return List.copyOf(shots);
    }
}
