package dev.avatarkit.http;

import dev.avatarkit.core.domain.ValidationException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Typed reads from a parsed JSON object; a wrong type is a {@link ValidationException} naming the field. */
final class Fields {
    private final Map<String, Object> map;
    private final String prefix;

    Fields(Map<String, Object> map, String prefix) {
        this.map = map;
        this.prefix = prefix;
    }

    String name(String key) {
        return prefix + key;
    }

    Object raw(String key) {
        return map.get(key);
    }

    boolean has(String key) {
        return map.get(key) != null;
    }

    /** Rejects keys outside {@code allowed}, so a typo is an error rather than a silently ignored option. */
    Fields only(Set<String> allowed) {
        Set<String> unknown = new TreeSet<>(map.keySet());
        unknown.removeAll(allowed);
        if (!unknown.isEmpty()) {
            String first = unknown.iterator().next();
            throw new ValidationException(
                    name(first), "unknown field '" + name(first) + "'; allowed: " + new TreeSet<>(allowed));
        }
        return this;
    }

    String string(String key) {
        Object v = map.get(key);
        if (v == null) return null;
        if (v instanceof String s) return Text.check(name(key), s);
        throw new ValidationException(name(key), "'" + name(key) + "' must be a string");
    }

    Double number(String key) {
        Object v = map.get(key);
        if (v == null) return null;
        if (v instanceof Number n) return n.doubleValue();
        throw new ValidationException(name(key), "'" + name(key) + "' must be a number");
    }

    Integer integer(String key) {
        Double d = number(key);
        if (d == null) return null;
        if (d != Math.rint(d)) throw new ValidationException(name(key), "'" + name(key) + "' must be a whole number");
        return d.intValue();
    }

    boolean bool(String key) {
        Object v = map.get(key);
        if (v == null) return false;
        if (v instanceof Boolean b) return b;
        throw new ValidationException(name(key), "'" + name(key) + "' must be true or false");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> object(String key) {
        Object v = map.get(key);
        if (v == null) return null;
        if (v instanceof Map<?, ?> m) return (Map<String, Object>) m;
        throw new ValidationException(name(key), "'" + name(key) + "' must be an object");
    }

    List<?> list(String key) {
        Object v = map.get(key);
        if (v == null) return null;
        if (v instanceof List<?> l) return l;
        throw new ValidationException(name(key), "'" + name(key) + "' must be an array");
    }
}
