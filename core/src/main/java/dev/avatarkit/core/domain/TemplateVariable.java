package dev.avatarkit.core.domain;

import java.util.Locale;

/** One value for a template variable; {@code value} is text, a URL, an avatar id or a voice id by type. */
public record TemplateVariable(String name, Type type, String value) {
    /** HeyGen's variable types. */
    public enum Type {
        TEXT,
        IMAGE,
        VIDEO,
        AUDIO,
        CHARACTER,
        VOICE;

        public static Type parse(String text) {
            try {
                return valueOf(Require.nonBlank(text, "variable type").trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ValidationException("type", "unknown variable type '" + text + "'");
            }
        }

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public TemplateVariable {
        Require.nonBlank(name, "variable");
        Require.nonNull(type, "variables." + name + ".type");
        Require.nonNull(value, "variables." + name);
        Require.maxLength(value, 5000, "variables." + name);
        if (type == Type.IMAGE || type == Type.VIDEO || type == Type.AUDIO) {
            Require.that(
                    value.startsWith("https://") || value.startsWith("http://"),
                    "variables." + name,
                    "'variables." + name + "' is a " + type.wireName() + " variable: give an http(s) URL");
        }
    }
}
