package io.calendargateway.exchange;

import io.calendargateway.simulator.ExchangeSimulator;
import io.calendargateway.simulator.Scenarios;
import io.calendargateway.upstream.UpstreamException;
import io.calendargateway.upstream.UpstreamFailure;

import microsoft.exchange.webservices.data.core.service.folder.CalendarFolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The EWS client itself (not a separate probe) against the simulator's self-signed HTTPS endpoint: rejected
 * without the CA, as ews-java-api's accept-anything default would not; accepted with the certificate as the
 * profile's CA bundle.
 */
class SimulatorTlsTest {

    private static ExchangeSimulator sim;

    @BeforeAll
    static void start() {
        sim = ExchangeSimulator.start(Scenarios.defaultScenario());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static EwsConnectionPool pool(String caBundlePem) {
        EwsEndpoint endpoint = EwsEndpoint.builder(URI.create(sim.ewsHttpsUrl()))
                .ntlm("svc-gateway", Scenarios.SVC_GATEWAY_PASSWORD, "CONTOSO")
                .impersonation(true)
                .caBundlePem(caBundlePem)
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(5))
                .build();
        return new EwsConnectionPool(endpoint, new EwsServiceFactory(), 2, Duration.ofSeconds(2));
    }

    @Test
    void selfSignedCertificateShouldBeRejectedWithoutTheCa() {
        int before = sim.calls().count("GetFolder", "room1@contoso.com");
        try (EwsConnectionPool pool = pool(null)) {
            UpstreamException failure = catchThrowableOfType(UpstreamException.class, () -> pool.withService(
                    "room1@contoso.com", service -> CalendarFolder.bind(service,
                            EwsConnectionPool.calendarOf("room1@contoso.com"))));
            assertThat(failure.failure().kind()).isEqualTo(UpstreamFailure.Kind.TLS);
            assertThat(failure.failure().code()).isEqualTo("TLS_UNTRUSTED");
        }
        assertThat(sim.calls().count("GetFolder", "room1@contoso.com")).as("no request got through").isEqualTo(before);
    }

    @Test
    void selfSignedCertificateShouldBeAcceptedWithTheCa() throws Exception {
        try (EwsConnectionPool pool = pool(sim.httpsCertificatePem())) {
            CalendarFolder calendar = pool.withService("room1@contoso.com", service -> CalendarFolder.bind(service,
                    EwsConnectionPool.calendarOf("room1@contoso.com")));
            assertThat(calendar.getDisplayName()).isEqualTo("Calendar");
        }
    }
}
