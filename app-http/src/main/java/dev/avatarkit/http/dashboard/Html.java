package dev.avatarkit.http.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Escaping for server-rendered pages. Every value that did not come from a literal in this package goes through
 * {@link #escape} (element text and quoted attribute values alike) or {@link #query} (inside a URL), so a job title,
 * a CSV cell or a provider's error message can never become markup.
 */
final class Html {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private Html() {}

    /** Text safe in element content and in double- or single-quoted attributes; null becomes empty. */
    static String escape(Object value) {
        if (value == null) return "";
        String s = value.toString();
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '`' -> out.append("&#96;");
                case '\u0000' -> out.append('\uFFFD'); // a NUL ends some parsers' view of the text
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A query-string value, percent-encoded (and then safe inside an attribute, as it holds no quote or angle). */
    static String query(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A UTC time as people read it, in a {@code <time>} element with the machine form. */
    static String time(Instant at) {
        if (at == null) return "–";
        return "<time datetime=\"" + escape(at.toString()) + "\">" + TIME.format(at) + " UTC</time>";
    }

    /** A byte count as people read it: 9.4 KiB, 1.2 MiB. */
    static String size(long bytes) {
        if (bytes < 1024) return bytes + " B";
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
