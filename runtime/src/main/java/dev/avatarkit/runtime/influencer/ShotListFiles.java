package dev.avatarkit.runtime.influencer;

import dev.avatarkit.core.domain.Shot;
import dev.avatarkit.core.domain.ShotList;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.influencer.ShotSlugs;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a shot list ({@code avatar create --shots FILE}) from YAML or JSON (JSON is read as YAML): either a list
 * of shots or {@code {shots: [...]}}; each shot has {@code angle} and {@code framing}, optionally
 * {@code expression}, {@code setting}, {@code slug} (derived from the other fields when absent) and {@code index}
 * (its position when absent). Every error names the file, the line and the field, e.g.
 * {@code shots.yaml line 7: 'shots[2].angle' must not be blank}. Works on the YAML node tree, never on
 * constructed objects, so no file can instantiate a class.
 */
public final class ShotListFiles {
    static final long MAX_BYTES = 1024 * 1024;
    private static final Set<String> FIELDS = Set.of("index", "slug", "angle", "framing", "expression", "setting");
    private static final int FIELD_MAX = 200;

    private ShotListFiles() {}

    public static ShotList read(Path file) {
        String name = file.getFileName() == null
                ? file.toString()
                : file.getFileName().toString();
        Node root;
        try {
            if (Files.size(file) > MAX_BYTES) throw error(name, null, "shots", "the file is over 1 MB");
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                root = yaml().compose(reader);
            }
        } catch (NoSuchFileException e) {
            throw new ValidationException("shots", "no such shot list file: " + file);
        } catch (IOException e) {
            throw new ValidationException("shots", "cannot read shot list " + file + ": " + e.getMessage());
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw error(name, mark, "shots", "not valid YAML or JSON: " + e.getProblem());
        } catch (YAMLException e) {
            throw error(name, null, "shots", "not valid YAML or JSON: " + e.getMessage());
        }
        return parse(name, root);
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        options.setCodePointLimit((int) MAX_BYTES);
        return new Yaml(options);
    }

    static ShotList parse(String name, Node root) {
        if (root == null) throw error(name, null, "shots", "the file is empty; give a list of shots");
        Node list = root;
        if (root instanceof MappingNode mapping) {
            Map<String, Node> top = fields(name, mapping, "shots", Set.of("shots"));
            list = top.get("shots");
            if (list == null) throw error(name, root.getStartMark(), "shots", "'shots' is missing");
        }
        if (!(list instanceof SequenceNode sequence)) {
            throw error(name, list.getStartMark(), "shots", "'shots' must be a list of shots");
        }
        if (sequence.getValue().isEmpty() || sequence.getValue().size() > ShotList.MAX_SHOTS) {
            throw error(
                    name,
                    list.getStartMark(),
                    "shots",
                    "'shots' must have 1–" + ShotList.MAX_SHOTS + " entries, had "
                            + sequence.getValue().size());
        }
        List<Shot> shots = new ArrayList<>();
        Map<Integer, Integer> indexLines = new HashMap<>();
        Map<String, Integer> slugLines = new HashMap<>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            Node node = sequence.getValue().get(i);
            String field = "shots[" + (i + 1) + "]";
            Shot shot = shot(name, node, field, i + 1);
            int line = line(node.getStartMark());
            Integer sameIndex = indexLines.putIfAbsent(shot.index(), line);
            if (sameIndex != null) {
                throw error(
                        name,
                        node.getStartMark(),
                        field + ".index",
                        "shot index " + shot.index() + " is already used on line " + sameIndex);
            }
            Integer sameSlug = slugLines.putIfAbsent(shot.slug(), line);
            if (sameSlug != null) {
                throw error(
                        name,
                        node.getStartMark(),
                        field + ".slug",
                        "slug '" + shot.slug() + "' is already used on line " + sameSlug
                                + "; give one of them a different 'slug'");
            }
            shots.add(shot);
        }
        return new ShotList(shots);
    }

    private static Shot shot(String name, Node node, String field, int position) {
        if (!(node instanceof MappingNode mapping)) {
            throw error(name, node.getStartMark(), field, "'" + field + "' must be a mapping with angle and framing");
        }
        Map<String, Node> values = fields(name, mapping, field, FIELDS);
        String angle = text(name, values, node, field, "angle", true);
        String framing = text(name, values, node, field, "framing", true);
        String expression = text(name, values, node, field, "expression", false);
        String setting = text(name, values, node, field, "setting", false);
        String slug = text(name, values, node, field, "slug", false);
        String indexText = text(name, values, node, field, "index", false);
        Node at = values.getOrDefault("index", node);
        int index;
        try {
            index = indexText == null ? position : Integer.parseInt(indexText);
        } catch (NumberFormatException e) {
            throw error(
                    name,
                    at.getStartMark(),
                    field + ".index",
                    "'" + field + ".index' must be a whole number, was '" + indexText + "'");
        }
        if (slug == null) slug = ShotSlugs.of(angle, framing, expression, setting);
        try {
            return new Shot(index, slug, angle, framing, expression, setting);
        } catch (ValidationException e) {
            String sub = e.field().startsWith("shot.") ? e.field().substring(5) : e.field();
            Node where = values.getOrDefault(sub, node);
            throw error(
                    name,
                    where.getStartMark(),
                    field + "." + sub,
                    e.getMessage().replace("'" + e.field() + "'", "'" + field + "." + sub + "'"));
        }
    }

    /** The mapping's keys → value nodes; unknown or non-scalar keys are errors naming the allowed ones. */
    private static Map<String, Node> fields(String name, MappingNode mapping, String field, Set<String> allowed) {
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node key = tuple.getKeyNode();
            String keyText = key instanceof ScalarNode scalar ? scalar.getValue() : null;
            if (keyText == null || !allowed.contains(keyText)) {
                throw error(
                        name,
                        key.getStartMark(),
                        field,
                        "unknown field '" + keyText + "' in '" + field + "'; allowed: "
                                + String.join(", ", allowed.stream().sorted().toList()));
            }
            out.put(keyText, tuple.getValueNode());
        }
        return out;
    }

    private static String text(
            String name, Map<String, Node> values, Node owner, String field, String key, boolean required) {
        Node node = values.get(key);
        String path = field + "." + key;
        boolean isNull = node == null
                || node instanceof ScalarNode s
                        && "tag:yaml.org,2002:null".equals(s.getTag().getValue());
        if (isNull) {
            if (required)
                throw error(name, (node == null ? owner : node).getStartMark(), path, "'" + path + "' is missing");
            return null;
        }
        if (!(node instanceof ScalarNode scalar)) {
            throw error(name, node.getStartMark(), path, "'" + path + "' must be text, not a list or mapping");
        }
        String value = scalar.getValue().strip();
        if (required && value.isEmpty())
            throw error(name, node.getStartMark(), path, "'" + path + "' must not be blank");
        if (value.length() > FIELD_MAX) {
            throw error(
                    name,
                    node.getStartMark(),
                    path,
                    "'" + path + "' is " + value.length() + " characters; the limit is " + FIELD_MAX);
        }
        return value.isEmpty() ? null : value;
    }

    private static ValidationException error(String name, Mark mark, String field, String message) {
        return new ValidationException(field, name + (mark == null ? "" : " line " + line(mark)) + ": " + message);
    }

    private static int line(Mark mark) {
        return mark.getLine() + 1;
    }
}
