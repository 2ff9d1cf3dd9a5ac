package io.calendargateway.exchange;

/** A failed EWS call, translated by {@link EwsErrors}. The message is the failure's safe message. */
public class EwsException extends RuntimeException {

    private final transient UpstreamFailure failure;

    public EwsException(UpstreamFailure failure, Throwable cause) {
        super(failure.message(), cause);
        this.failure = failure;
    }

    public UpstreamFailure failure() {
        return failure;
    }
}
