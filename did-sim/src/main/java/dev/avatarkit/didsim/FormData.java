package dev.avatarkit.didsim;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The fields of a {@code multipart/form-data} body (D-ID's uploads), by name. */
final class FormData {
    /** One field: file name and content type when it is a file, and its bytes. */
    record Field(String filename, String contentType, byte[] bytes) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private FormData() {}

    /** The fields, or null when the body is not multipart form data (no boundary). */
    static Map<String, Field> parse(String contentType, byte[] body) {
        String boundary = boundaryOf(contentType);
        if (boundary == null) return null;
        byte[] marker = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        byte[] blank = "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        // a leading CRLF makes the first boundary look like every later one
        byte[] text = concat("\r\n".getBytes(StandardCharsets.ISO_8859_1), body);
        Map<String, Field> fields = new LinkedHashMap<>();
        int at = find(text, marker, 0);
        while (at >= 0) {
            int headersFrom = at + marker.length;
            if (headersFrom + 2 <= text.length && text[headersFrom] == '-' && text[headersFrom + 1] == '-')
                break; // closing
            int headersTo = find(text, blank, headersFrom);
            int nextMarker = headersTo < 0 ? -1 : find(text, marker, headersTo + blank.length);
            if (nextMarker < 0) break;
            String headers = new String(text, headersFrom, headersTo - headersFrom, StandardCharsets.UTF_8);
            String name = attribute(headers, "name");
            if (name != null) {
                fields.putIfAbsent(
                        name,
                        new Field(
                                attribute(headers, "filename"),
                                header(headers, "content-type"),
                                Arrays.copyOfRange(text, headersTo + blank.length, nextMarker)));
            }
            at = nextMarker;
        }
        return fields;
    }

    private static String boundaryOf(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) return null;
        for (String piece : contentType.split(";")) {
            String p = piece.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary="))
                return p.substring(9).replace("\"", "");
        }
        return null;
    }

    private static String attribute(String headers, String attr) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)[;\\s]" + attr + "=\"([^\"]*)\"")
                .matcher(headers);
        return m.find() ? m.group(1) : null;
    }

    private static String header(String headers, String name) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name))
                return line.substring(colon + 1).trim();
        }
        return null;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static int find(byte[] data, byte[] what, int from) {
        for (int i = Math.max(from, 0); i + what.length <= data.length; i++) {
            if (Arrays.equals(data, i, i + what.length, what, 0, what.length)) return i;
        }
        return -1;
    }
}
