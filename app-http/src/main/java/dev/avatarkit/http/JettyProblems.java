package dev.avatarkit.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's own error answers as problem documents instead of its HTML page: requests it refuses before any route
 * runs (a malformed request line or header, bad URI encoding, a header too large: {@link #badMessageError}) and
 * errors raised outside our handlers ({@link #generateAcceptableResponse}).
 */
final class JettyProblems extends ErrorHandler {
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
        return ByteBuffer.wrap(json(status, reason));
    }

    @Override
    protected void generateAcceptableResponse(
            Request baseRequest, HttpServletRequest request, HttpServletResponse response, int code, String message)
            throws IOException {
        baseRequest.setHandled(true);
        response.setContentType(Problem.CONTENT_TYPE);
        byte[] body = json(code, message);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static byte[] json(int status, String reason) {
        String title = HttpStatus.getMessage(status);
        String detail = reason == null || reason.isBlank() ? title : reason;
        return Problems.json(Problem.of(status, "http-" + status, title, "the request was refused: " + detail, null))
                .getBytes(StandardCharsets.UTF_8);
    }
}
