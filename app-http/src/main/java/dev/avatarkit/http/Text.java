package dev.avatarkit.http;

import dev.avatarkit.core.domain.ValidationException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Text a client sends must be text a provider can render: bodies are strict UTF-8 (a malformed byte is refused,
 * not silently replaced by U+FFFD), and no string holds a NUL or half a surrogate pair (JSON escapes can smuggle
 * both in). Refused up front, naming the field, rather than accepted and failed later at the provider.
 */
final class Text {
    private Text() {}

    /** The bytes as UTF-8, or null when they are not valid UTF-8 ({@link #malformedAt} tells where). */
    static String strictUtf8(byte[] bytes) {
        CharsetDecoder decoder = decoder();
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(ByteBuffer.wrap(bytes), out, true);
        if (result.isError()) return null;
        decoder.flush(out);
        return out.flip().toString();
    }

    /** The 1-based line of the first malformed byte, or 0 when the bytes are valid UTF-8. */
    static int malformedLine(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult result = decoder().decode(in, CharBuffer.allocate(bytes.length), true);
        if (!result.isError()) return 0;
        int line = 1;
        for (int i = 0; i < in.position(); i++) if (bytes[i] == '\n') line++;
        return line;
    }

    /** Refuses a NUL or an unpaired surrogate in a client's string. */
    static String check(String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\0') throw new ValidationException(field, "'" + field + "' must not contain NUL (\\u0000)");
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new ValidationException(
                        field,
                        "'" + field + "' holds half a surrogate pair (\\u" + Integer.toHexString(c)
                                + "): not valid Unicode text");
            }
        }
        return value;
    }

    /**
     * In a JSON value decoded leniently from malformed bytes, the path of the first string that holds U+FFFD (where a
     * malformed sequence landed), e.g. {@code scenes[1].text}; null when none does (it was in a key or outside strings).
     */
    static String replacedField(Object json, String path) {
        if (json instanceof String s) return s.indexOf('\uFFFD') >= 0 ? path : null;
        if (json instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String found = replacedField(
                        e.getValue(), path.isEmpty() ? String.valueOf(e.getKey()) : path + "." + e.getKey());
                if (found != null) return found;
            }
        }
        if (json instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                String found = replacedField(list.get(i), path + "[" + (i + 1) + "]");
                if (found != null) return found;
            }
        }
        return null;
    }

    private static CharsetDecoder decoder() {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
