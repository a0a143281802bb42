package dev.avatarkit.http;

import dev.avatarkit.core.domain.Dimension;
import dev.avatarkit.core.domain.TemplateSpec;
import dev.avatarkit.core.domain.TemplateVariable;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.port.Catalog;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /v1/templates/{id}/videos} bodies → {@link TemplateSpec}: {@code {"variables": {name: value}, "title",
 * "dimension", "caption"}}. Variable types come from the template itself (as in a batch), so a value is just a
 * string; every variable of the template must be given, and no other.
 */
final class TemplateRequests {
    private TemplateRequests() {}

    static TemplateSpec parse(Catalog.TemplateDetail template, Map<String, Object> body) {
        Fields f = new Fields(body, "").only(Set.of("variables", "title", "dimension", "caption"));
        Map<String, Object> given = f.object("variables");
        if (given == null)
            throw new ValidationException("variables", "'variables' is required (an object of name: value)");
        Map<String, TemplateVariable.Type> types = new LinkedHashMap<>();
        template.variables().forEach(v -> types.put(v.name(), v.type()));
        for (String name : given.keySet()) {
            if (!types.containsKey(name)) {
                throw new ValidationException(
                        "variables." + name,
                        "'" + name + "' is not a variable of template " + template.id() + "; its variables are "
                                + types.keySet());
            }
        }
        Fields values = new Fields(given, "variables.");
        Map<String, TemplateVariable> variables = new LinkedHashMap<>();
        for (Map.Entry<String, TemplateVariable.Type> e : types.entrySet()) {
            Object raw = values.raw(e.getKey());
            if (raw == null) {
                throw new ValidationException(
                        "variables." + e.getKey(),
                        "missing variable '" + e.getKey() + "' (a "
                                + e.getValue().wireName() + " variable)");
            }
            String value = raw instanceof Number n ? trimNumber(n) : values.string(e.getKey());
            variables.put(e.getKey(), new TemplateVariable(e.getKey(), e.getValue(), value));
        }
        Dimension dimension = f.has("dimension") ? Dimension.parse(f.string("dimension")) : null;
        return new TemplateSpec(template.id(), variables, f.string("title"), dimension, f.bool("caption"));
    }

    private static String trimNumber(Number n) {
        double d = n.doubleValue();
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
