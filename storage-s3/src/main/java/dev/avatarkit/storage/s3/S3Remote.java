package dev.avatarkit.storage.s3;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * What the S3 server said: its error code, message and request id. A server that is not S3-shaped (a TLS-only port
 * reached over http, a proxy) answers with plain text the SDK cannot parse, leaving code and message null; the raw
 * body is then the message, so the user sees "This combination of host and port requires TLS." instead of "null".
 */
record S3Remote(String code, String message, String requestId) {
    private static final int MAX_BODY_CHARS = 300;

    static S3Remote of(S3Exception e) {
        AwsErrorDetails details = e.awsErrorDetails();
        String code = details == null ? null : blankToNull(details.errorCode());
        String message = details == null ? null : blankToNull(details.errorMessage());
        if (message == null && details != null) {
            message = bodyText(details.rawResponse());
        }
        if (message == null) {
            message = "the server sent no error message";
        }
        return new S3Remote(code, message, blankToNull(e.requestId()));
    }

    String codeSuffix() {
        return code == null ? "" : " " + code;
    }

    String requestIdSuffix() {
        return requestId == null ? "" : ", request id " + requestId;
    }

    private static String bodyText(SdkBytes raw) {
        if (raw == null) {
            return null;
        }
        String text = blankToNull(raw.asUtf8String().replaceAll("\\s+", " "));
        if (text == null) {
            return null;
        }
        return text.length() <= MAX_BODY_CHARS ? text : text.substring(0, MAX_BODY_CHARS) + "…";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
