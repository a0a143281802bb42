package dev.avatarkit.core.usecase;

import dev.avatarkit.core.domain.ValidationException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF, newlines inside quotes. Records keep their line number. */
public final class Csv {
    /** One record and the (1-based) line it starts on. */
    public record Record(int line, List<String> fields) {}

    private Csv() {}

    /**
     * Decodes a CSV file's bytes as strict UTF-8 (what every batch file must be): a malformed byte is a validation
     * error naming its line, not a replacement character in someone's video or a stack trace.
     */
    public static String decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset; i++) if (bytes[i] == '\n') line++;
            throw new ValidationException(
                    "csv",
                    "line " + line + ": not valid UTF-8 (byte " + (offset + 1)
                            + " of the file); save the CSV as UTF-8");
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    public static List<Record> parse(String text) {
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int line = 1;
        int recordLine = 1;
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text; // Excel's BOM
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < body.length() && body.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') line++;
                    field.append(c);
                }
            } else if (c == '"' && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < body.length() && body.charAt(i + 1) == '\n') i++;
                fields.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
                if (!(fields.size() == 1 && fields.get(0).isEmpty()))
                    records.add(new Record(recordLine, List.copyOf(fields)));
                fields.clear();
                line++;
                recordLine = line;
            } else {
                field.append(c);
                fieldStarted = true;
            }
        }
        if (quoted) throw new ValidationException("csv", "line " + recordLine + ": a quoted field is never closed");
        if (fieldStarted || !fields.isEmpty() || field.length() > 0) {
            fields.add(field.toString());
            records.add(new Record(recordLine, List.copyOf(fields)));
        }
        return records;
    }
}
