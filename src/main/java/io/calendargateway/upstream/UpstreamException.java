package io.calendargateway.upstream;

/**
 * The one exception for a failed call to Exchange, Entra ID or Graph; its message is the failure's safe message.
 * {@link UpstreamProblemMapper} turns it into a 502/503/504 problem with the upstream code and a hint.
 */
public class UpstreamException extends RuntimeException {

    private final transient UpstreamFailure failure;

    public UpstreamException(UpstreamFailure failure, Throwable cause) {
        super(failure.message(), cause);
        this.failure = failure;
    }

    public UpstreamFailure failure() {
        return failure;
    }
}
