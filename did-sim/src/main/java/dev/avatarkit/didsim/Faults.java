package dev.avatarkit.didsim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/** The live fault rules, evaluated once per call. */
public final class Faults {
    /** More rules than any test or drill needs; a cap so a script posting in a loop cannot grow the list forever. */
    static final int MAX_RULES = 1_000;

    private final List<FaultRule> rules = new CopyOnWriteArrayList<>();

    public Faults add(FaultRule rule) {
        if (rules.size() >= MAX_RULES)
            throw new IllegalStateException("at most " + MAX_RULES + " fault rules; clear some first");
        rules.add(rule);
        return this;
    }

    public Faults clear() {
        rules.clear();
        return this;
    }

    public List<FaultRule> rules() {
        return List.copyOf(rules);
    }

    /** Counts the call against every matching rule and returns those that fire. */
    List<FaultRule> fire(Route route) {
        List<FaultRule> fired = new ArrayList<>();
        for (FaultRule r : rules) if (r.matches(route) && r.fire()) fired.add(r);
        return fired;
    }

    /**
     * Adds the rules of {@code {"replace":true,"rules":[{"route":"POST /talks","kind":"rate_limit","next":1}]}} (a bare
     * array of rules works too); {@code replace} clears the old ones first.
     */
    public Faults load(String json) {
        JsonNode doc = SimJson.parse(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (doc == null) throw new IllegalArgumentException("faults must be JSON: an object with 'rules' or an array");
        JsonNode list = doc.isArray() ? doc : doc.path("rules");
        if (!list.isArray()) throw new IllegalArgumentException("'rules' must be an array of faults");
        List<FaultRule> parsed = new ArrayList<>();
        for (JsonNode r : list) parsed.add(FaultRule.fromJson(r));
        if (doc.path("replace").asBoolean(false)) clear();
        parsed.forEach(this::add);
        return this;
    }

    /** Loads a file (the {@code --faults} flag) or, for {@code DID_SIM_FAULTS}, inline JSON or a file path. */
    public Faults loadFileOrJson(String fileOrJson) throws IOException {
        String s = fileOrJson.trim();
        return load(s.startsWith("{") || s.startsWith("[") ? s : Files.readString(Path.of(s)));
    }

    ArrayNode toJson() {
        ArrayNode a = SimJson.MAPPER.createArrayNode();
        rules.forEach(r -> a.add(r.toJson()));
        return a;
    }
}
