package dev.avatarkit.http;

import java.util.List;

/**
 * An RFC 9457 problem document ({@code application/problem+json}): {@code type}, {@code title}, {@code status},
 * {@code detail}, plus {@code field} (the offending request field) and, for batches, one entry per bad row.
 */
public record Problem(String type, String title, int status, String detail, String field, List<RowError> errors) {
    public static final String CONTENT_TYPE = "application/problem+json";
    private static final String BASE = "https://avatarkit.dev/problems/";

    /** One invalid row of a batch. */
    public record RowError(int line, String field, String message) {}

    public static Problem of(int status, String slug, String title, String detail, String field) {
        return new Problem(BASE + slug, title, status, detail, field, null);
    }

    public Problem withErrors(List<RowError> rowErrors) {
        return new Problem(type, title, status, detail, field, rowErrors);
    }
}
