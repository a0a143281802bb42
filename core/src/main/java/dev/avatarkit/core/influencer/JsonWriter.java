package dev.avatarkit.core.influencer;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Just enough JSON writing for the manifest (core has no JSON library): objects, arrays, strings escaped per
 * RFC 8259, numbers, booleans, null; pretty-printed with two-space indents. Misuse (a value where a name is due)
 * is a programming error and throws.
 */
final class JsonWriter {
    private final StringBuilder out = new StringBuilder();
    /** Per open container: true once it has a first element. */
    private final Deque<boolean[]> open = new ArrayDeque<>();
    private boolean nameWritten;

    JsonWriter beginObject() {
        beforeValue();
        out.append('{');
        open.push(new boolean[] {false});
        return this;
    }

    JsonWriter endObject() {
        return close('}');
    }

    JsonWriter beginArray() {
        beforeValue();
        out.append('[');
        open.push(new boolean[] {false});
        return this;
    }

    JsonWriter endArray() {
        return close(']');
    }

    JsonWriter name(String name) {
        if (open.isEmpty() || nameWritten) throw new IllegalStateException("a name needs an open object");
        separator();
        string(name);
        out.append(": ");
        nameWritten = true;
        return this;
    }

    JsonWriter value(String value) {
        beforeValue();
        if (value == null) out.append("null");
        else string(value);
        return this;
    }

    JsonWriter value(long value) {
        beforeValue();
        out.append(value);
        return this;
    }

    JsonWriter value(boolean value) {
        beforeValue();
        out.append(value);
        return this;
    }

    JsonWriter nullValue() {
        beforeValue();
        out.append("null");
        return this;
    }

    /** Shorthand for {@code name(n).value(v)} with a string (null writes null). */
    JsonWriter field(String name, String value) {
        return name(name).value(value);
    }

    JsonWriter field(String name, long value) {
        return name(name).value(value);
    }

    String toJson() {
        if (!open.isEmpty()) throw new IllegalStateException("unclosed object or array");
        return out.append('\n').toString();
    }

    private JsonWriter close(char bracket) {
        if (open.isEmpty() || nameWritten) throw new IllegalStateException("nothing to close with " + bracket);
        boolean hadElements = open.pop()[0];
        if (hadElements) newline();
        out.append(bracket);
        return this;
    }

    private void beforeValue() {
        if (nameWritten) {
            nameWritten = false;
            return;
        }
        if (!open.isEmpty()) separator();
    }

    private void separator() {
        boolean[] first = open.peek();
        if (first[0]) out.append(',');
        first[0] = true;
        newline();
    }

    private void newline() {
        out.append('\n').append("  ".repeat(open.size()));
    }

    private void string(String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    // control characters and the two JavaScript line separators are escaped; the rest is UTF-8
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        out.append('"');
    }
}
