package dev.avatarkit.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

/** The live set of fault rules; evaluated once per request (and once per webhook event). */
public final class Faults {
    private final List<FaultRule> rules = new CopyOnWriteArrayList<>();
    private Random random;

    Faults(long seed) {
        this.random = new Random(seed);
    }

    public Faults add(FaultRule rule) {
        rules.add(rule);
        return this;
    }

    public Faults clear() {
        rules.clear();
        return this;
    }

    /** Re-seeds the probability source so a run is reproducible. */
    public synchronized Faults seed(long seed) {
        random = new Random(seed);
        return this;
    }

    public List<FaultRule> rules() {
        return List.copyOf(rules);
    }

    /** Counts this call against every matching rule and returns those that fire. */
    synchronized List<FaultRule> evaluate(String routeKey) {
        List<FaultRule> fired = new ArrayList<>();
        for (FaultRule r : rules) if (r.matches(routeKey) && r.fire(random)) fired.add(r);
        return fired;
    }

    /**
     * Applies a JSON document {@code {"seed":42,"replace":true,"rules":[{...}]}} (a bare array of rules is accepted too).
     */
    @SuppressWarnings("unchecked")
    public Faults load(Object doc) {
        List<Object> list;
        if (doc instanceof Map<?, ?> m) {
            Map<String, Object> map = (Map<String, Object>) m;
            if (Boolean.TRUE.equals(map.get("replace"))) clear();
            if (map.get("seed") instanceof Number n) seed(n.longValue());
            list = JsonMaps.list(map, "rules");
            if (list == null) list = List.of();
        } else if (doc instanceof List<?> l) {
            list = (List<Object>) l;
        } else {
            throw new IllegalArgumentException("faults document must be an object or an array");
        }
        for (Object o : list) add(FaultRule.fromJson((Map<String, Object>) o));
        return this;
    }

    public Faults loadFile(Path file) throws IOException {
        return load(JsonMaps.parse(Files.readString(file)));
    }
}
