package io.calendargateway.simulator;

import java.time.Clock;
import java.util.List;

/**
 * How to run the simulator. Ports 0 pick free loopback ports. {@code ewsAuthSchemes} are the
 * {@code WWW-Authenticate} challenges of a 401 in order (IIS default: Negotiate, NTLM, Basic).
 *
 * @param httpPort HTTP port (0 = random)
 * @param httpsPort HTTPS port (0 = random; -1 = no HTTPS)
 * @param threads request threads (also bounds how many requests run at once)
 * @param clock the clock for token expiry and Graph's timestamps
 * @param ewsAuthSchemes schemes offered on EWS and autodiscover 401s: any of Negotiate, NTLM, Basic, Bearer
 * @param backOffMilliseconds the BackOffMilliseconds of ErrorServerBusy faults
 * @param graphPageSize default calendarView page size (Graph uses 10)
 * @param graphConcurrencyPerMailbox concurrent Graph requests per mailbox before 429 (Graph: 4)
 * @param graphRetryAfterSeconds Retry-After of a concurrency 429
 * @param certificateNames extra DNS names for the HTTPS certificate (besides 127.0.0.1 and localhost)
 */
public record SimulatorOptions(int httpPort, int httpsPort, int threads, Clock clock, List<String> ewsAuthSchemes,
        long backOffMilliseconds, int graphPageSize, int graphConcurrencyPerMailbox, int graphRetryAfterSeconds,
        List<String> certificateNames) {

    public static SimulatorOptions defaults() {
        return new SimulatorOptions(0, 0, 32, Clock.systemUTC(), List.of("Negotiate", "NTLM", "Basic"), 30_000, 10,
                4, 2, List.of());
    }

    public SimulatorOptions ports(int http, int https) {
        return new SimulatorOptions(http, https, threads, clock, ewsAuthSchemes, backOffMilliseconds, graphPageSize,
                graphConcurrencyPerMailbox, graphRetryAfterSeconds, certificateNames);
    }

    public SimulatorOptions clock(Clock c) {
        return new SimulatorOptions(httpPort, httpsPort, threads, c, ewsAuthSchemes, backOffMilliseconds,
                graphPageSize, graphConcurrencyPerMailbox, graphRetryAfterSeconds, certificateNames);
    }

    public SimulatorOptions ewsAuthSchemes(String... schemes) {
        return new SimulatorOptions(httpPort, httpsPort, threads, clock, List.of(schemes), backOffMilliseconds,
                graphPageSize, graphConcurrencyPerMailbox, graphRetryAfterSeconds, certificateNames);
    }

    public SimulatorOptions backOffMilliseconds(long ms) {
        return new SimulatorOptions(httpPort, httpsPort, threads, clock, ewsAuthSchemes, ms, graphPageSize,
                graphConcurrencyPerMailbox, graphRetryAfterSeconds, certificateNames);
    }

    public SimulatorOptions graphPageSize(int size) {
        return new SimulatorOptions(httpPort, httpsPort, threads, clock, ewsAuthSchemes, backOffMilliseconds, size,
                graphConcurrencyPerMailbox, graphRetryAfterSeconds, certificateNames);
    }

    public SimulatorOptions certificateNames(String... names) {
        return new SimulatorOptions(httpPort, httpsPort, threads, clock, ewsAuthSchemes, backOffMilliseconds,
                graphPageSize, graphConcurrencyPerMailbox, graphRetryAfterSeconds, List.of(names));
    }
}
