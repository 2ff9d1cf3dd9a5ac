package io.calendargateway.upstream;

import io.calendargateway.error.ProblemException;
import io.calendargateway.upstream.UpstreamFailure.Kind;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UpstreamProblemMapperTest {

    @Test
    void shouldNeverAnswer401Or403ForUpstreamFailures() {
        Map<Kind, Integer> expected = Map.of(Kind.AUTH, 502, Kind.FORBIDDEN, 502, Kind.TLS, 502, Kind.GARBAGE, 502,
                Kind.EXCHANGE_ERROR, 502, Kind.TIMEOUT, 504, Kind.UNREACHABLE, 503, Kind.THROTTLED, 503, Kind.BUSY, 503,
                Kind.CIRCUIT_OPEN, 503);
        assertThat(expected).hasSize(Kind.values().length);
        expected.forEach((kind, status) -> assertThat(UpstreamProblemMapper.status(kind)).as(kind.name())
                .isEqualTo(status));
    }

    @Test
    void shouldCarryCodeHintAndRetryAfter() {
        ProblemException busy = UpstreamProblemMapper.toProblem(new UpstreamFailure(Kind.THROTTLED, "ErrorServerBusy",
                "The server cannot service this request right now.", 2_500L));
        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.code()).isEqualTo("ErrorServerBusy");
        assertThat(busy.hint()).startsWith("Exchange is throttling the service account");
        assertThat(busy.headers()).containsEntry("Retry-After", "3");

        ProblemException denied = UpstreamProblemMapper.toProblem(new UpstreamFailure(Kind.EXCHANGE_ERROR,
                "ErrorImpersonateUserDenied", "The account does not have permission to impersonate the requested user.",
                null));
        assertThat(denied.status()).isEqualTo(502);
        assertThat(denied.hint()).isEqualTo(Hints.IMPERSONATION_DENIED);
        assertThat(denied.headers()).isEmpty();

        assertThat(UpstreamProblemMapper.toProblem(new UpstreamFailure(Kind.UNREACHABLE, "CONNECTION_REFUSED", "x",
                null)).headers()).containsEntry("Retry-After", "30");
    }
}
