package dev.avatarkit.cli.output;

import com.squareup.moshi.Json;
import dev.avatarkit.cli.app.ExitCodes;

/** {@code {"error":{"code","message","hint","request_id","field"}}}: what {@code --json} prints on stderr on failure. */
public record ErrorDocument(Error error) {
    /** The error itself. */
    public record Error(
            String code,
            String message,
            String hint,
            @Json(name = "request_id") String requestId,
            String field,
            @Json(name = "exit_code") int exitCode) {}

    public static ErrorDocument of(ExitCodes.Failure f) {
        return new ErrorDocument(new Error(f.code(), f.message(), f.hint(), f.requestId(), f.field(), f.exitCode()));
    }
}
