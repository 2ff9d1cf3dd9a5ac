package io.calendargateway.oauth;

/** No access token could be obtained; see {@link #failure()}. The message never contains a secret. */
public class TokenException extends RuntimeException {

    private final transient TokenFailure failure;

    public TokenException(TokenFailure failure, Throwable cause) {
        super(failure.message(), cause);
        this.failure = failure;
    }

    public TokenFailure failure() {
        return failure;
    }
}
