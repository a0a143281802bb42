package dev.avatarkit.storage.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Keeps the start of every error response's body and puts it into the exception when the SDK found no message in it.
 * The SDK parses S3's XML error document and drops anything else, so a plain-text answer ("This combination of host
 * and port requires TLS.") became {@code (400): null}; with this the body reaches {@link S3Remote} as the raw response.
 */
final class ErrorBodyCapture implements ExecutionInterceptor {
    private static final ExecutionAttribute<byte[]> ERROR_BODY = new ExecutionAttribute<>("avatarkit.errorBody");
    private static final int MAX_BYTES = 4096;

    @Override
    public Optional<InputStream> modifyHttpResponseContent(
            Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        Optional<InputStream> body = context.responseBody();
        if (context.httpResponse().isSuccessful() || body.isEmpty()) {
            return body;
        }
        try {
            byte[] head = body.get().readNBytes(MAX_BYTES);
            attributes.putAttribute(ERROR_BODY, head);
            // The SDK still reads the whole body for its own parsing, so hand it back unchanged.
            return Optional.of(new SequenceInputStream(new ByteArrayInputStream(head), body.get()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
        byte[] body = attributes.getAttribute(ERROR_BODY);
        if (!(context.exception() instanceof S3Exception s3) || body == null || body.length == 0) {
            return context.exception();
        }
        AwsErrorDetails details = s3.awsErrorDetails();
        if (details != null && details.errorMessage() != null) {
            return s3;
        }
        AwsErrorDetails.Builder withBody = details == null ? AwsErrorDetails.builder() : details.toBuilder();
        return s3.toBuilder()
                .awsErrorDetails(
                        withBody.rawResponse(SdkBytes.fromByteArray(body)).build())
                .build();
    }
}
