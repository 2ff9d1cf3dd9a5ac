package io.calendargateway.oauth;

import io.calendargateway.upstream.UpstreamException;
import io.calendargateway.upstream.UpstreamFailure;

/**
 * No access token could be obtained; see {@link #tokenFailure()}. The message never contains a secret. As an
 * {@link UpstreamException} it becomes the same 502/503/504 problem as any other upstream failure.
 */
public class TokenException extends UpstreamException {

    private final transient TokenFailure tokenFailure;

    public TokenException(TokenFailure failure, Throwable cause) {
        super(new UpstreamFailure(kind(failure.kind()), failure.code(), failure.message(), null), cause);
        this.tokenFailure = failure;
    }

    public TokenFailure tokenFailure() {
        return tokenFailure;
    }

    private static UpstreamFailure.Kind kind(TokenFailure.Kind kind) {
        return switch (kind) {
            case REJECTED -> UpstreamFailure.Kind.AUTH;
            case UNREACHABLE -> UpstreamFailure.Kind.UNREACHABLE;
            case TIMEOUT -> UpstreamFailure.Kind.TIMEOUT;
            case GARBAGE -> UpstreamFailure.Kind.GARBAGE;
        };
    }
}
