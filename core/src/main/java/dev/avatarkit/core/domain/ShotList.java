package dev.avatarkit.core.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The stills to render for an identity: 1–100 shots with unique indexes and slugs. */
public record ShotList(List<Shot> shots) {
    public static final int MAX_SHOTS = 100;

    public ShotList {
        Require.size(shots, 1, MAX_SHOTS, "shots");
        shots = List.copyOf(shots);
        Set<Integer> indexes = new HashSet<>();
        Set<String> slugs = new HashSet<>();
        for (Shot shot : shots) {
            Require.that(indexes.add(shot.index()), "shots", "shot index " + shot.index() + " appears twice");
            Require.that(slugs.add(shot.slug()), "shots", "shot slug '" + shot.slug() + "' appears twice");
        }
    }

    public int size() {
        return shots.size();
    }
}
