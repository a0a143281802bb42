package dev.avatarkit.sim;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Just enough multipart/form-data parsing to pull one named file part out of an upload. */
final class Multipart {
    /** One part: its filename, declared content type and bytes. */
    record Part(String filename, String contentType, byte[] bytes) {}

    private Multipart() {}

    static Part find(String contentType, byte[] body, String field) {
        if (contentType == null || !contentType.toLowerCase().startsWith("multipart/form-data")) return null;
        int b = contentType.indexOf("boundary=");
        if (b < 0) return null;
        String boundary = contentType.substring(b + 9).split(";")[0].trim().replace("\"", "");
        byte[] delim = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int pos = indexOf(body, delim, 0);
        while (pos >= 0) {
            int headerStart = pos + delim.length + 2; // skip CRLF
            int headerEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headerStart);
            if (headerEnd < 0) return null;
            String headers = new String(body, headerStart, headerEnd - headerStart, StandardCharsets.UTF_8);
            int next = indexOf(body, delim, headerEnd + 4);
            if (next < 0) return null;
            if (headers.matches("(?is).*content-disposition:[^\\r\\n]*\\bname=\"" + field + "\".*")) {
                String filename = attr(headers, "filename");
                String type = null;
                for (String line : headers.split("\r\n")) {
                    if (line.toLowerCase().startsWith("content-type:"))
                        type = line.substring(13).trim();
                }
                return new Part(filename, type, Arrays.copyOfRange(body, headerEnd + 4, next - 2));
            }
            pos = next;
        }
        return null;
    }

    private static String attr(String headers, String name) {
        int i = headers.indexOf(name + "=\"");
        if (i < 0) return null;
        int end = headers.indexOf('"', i + name.length() + 2);
        return end < 0 ? null : headers.substring(i + name.length() + 2, end);
    }

    static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    /** MIME type sniffed from magic bytes (HeyGen detects it from the bytes, not the name). */
    static String sniff(byte[] b, String declared) {
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') return "image/png";
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8) return "image/jpeg";
        if (b.length >= 12 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p') return "video/mp4";
        if (b.length >= 4 && (b[0] & 0xff) == 0x1A && (b[1] & 0xff) == 0x45) return "video/webm";
        if (b.length >= 3 && b[0] == 'I' && b[1] == 'D' && b[2] == '3') return "audio/mpeg";
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F') return "audio/wav";
        if (b.length >= 4 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F') return "application/pdf";
        return declared == null || declared.isBlank() ? "application/octet-stream" : declared;
    }

    static String extension(String mime) {
        return switch (mime) {
            case "image/png" -> "png";
            case "image/jpeg" -> "jpg";
            case "video/mp4" -> "mp4";
            case "video/webm" -> "webm";
            case "audio/mpeg" -> "mp3";
            case "audio/wav" -> "wav";
            case "application/pdf" -> "pdf";
            default -> "bin";
        };
    }
}
