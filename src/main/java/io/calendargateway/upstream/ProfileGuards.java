package io.calendargateway.upstream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.calendargateway.config.UpstreamConfig;
import io.calendargateway.profile.Profile;
import io.calendargateway.upstream.UpstreamFailure.Kind;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Resilience of each profile's upstream calls, kept per profile id and version so one broken tenant never slows
 * another (fault-tolerance annotations would share one breaker among all of them):
 * <ul>
 *   <li>a circuit breaker (SmallRye Fault Tolerance) that counts only failures of the server or the way to it:
 *       unreachable, timeout, TLS, garbage, HTTP 5xx; one room's mailbox error never opens it;</li>
 *   <li>back-off: a throttled profile makes no call until the time Exchange asked for has passed; callers fail at
 *       once meanwhile (door signs get the cached schedule), nobody sleeps. Servers that throttle each mailbox on
 *       its own (Graph) back off only that mailbox ({@link #callForMailbox}).</li>
 * </ul>
 * Every call is counted and timed per profile and operation ({@code gateway.upstream.calls}).
 */
@ApplicationScoped
public class ProfileGuards {

    private static final Logger LOG = Logger.getLogger(ProfileGuards.class);

    private record Key(UUID profileId, int version) {
    }

    private final class Guarded {
        final Guard guard;
        volatile Instant backOffUntil = Instant.MIN;
        /** Mailboxes throttled on their own, until when; kept no longer than any Retry-After is likely to be. */
        final Cache<String, Instant> mailboxBackOff = Caffeine.newBuilder().expireAfterWrite(Duration.ofHours(1))
                .build();

        Guarded(Profile profile) {
            this.guard = Guard.create().withDescription("profile " + profile.id + " v" + profile.version)
                    .withCircuitBreaker()
                    .requestVolumeThreshold(config.circuitBreaker().requestVolume())
                    .failureRatio(config.circuitBreaker().failureRatio())
                    .delay(config.circuitBreaker().delay().toMillis(), ChronoUnit.MILLIS)
                    .successThreshold(1)
                    .when(ProfileGuards::opensCircuit)
                    .onStateChange(state -> LOG.infof("Circuit of profile '%s' (%s) is %s", profile.name,
                            profile.id, state))
                    .done()
                    .build();
        }
    }

    private final UpstreamConfig config;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Cache<Key, Guarded> guards = Caffeine.newBuilder().expireAfterAccess(Duration.ofDays(1)).build();

    public ProfileGuards(UpstreamConfig config, MeterRegistry meters, Clock clock) {
        this.config = config;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * Runs one upstream operation of the profile under its breaker and back-off.
     *
     * @param defaultBackOff how long to back off when a throttling answer names no time
     * @throws UpstreamException the call's own failure; {@link Kind#THROTTLED} at once while backing off;
     *         {@link Kind#CIRCUIT_OPEN} while the circuit is open
     */
    public <T> T call(Profile profile, String operation, Duration defaultBackOff, Supplier<T> work) {
        return run(profile, null, operation, defaultBackOff, work);
    }

    /**
     * Like {@link #call}, for servers that throttle each mailbox on its own (Graph: 4 concurrent requests per app
     * and mailbox): a throttled answer backs off that mailbox only ({@code MAILBOX_BACKING_OFF} meanwhile), the
     * profile's other mailboxes go on.
     *
     * @param mailbox the mailbox the call reads, lower-case
     */
    public <T> T callForMailbox(Profile profile, String mailbox, String operation, Duration defaultBackOff,
                                Supplier<T> work) {
        return run(profile, mailbox, operation, defaultBackOff, work);
    }

    /** @param mailbox the mailbox that backs off when throttled, or null for the whole profile */
    private <T> T run(Profile profile, String mailbox, String operation, Duration defaultBackOff, Supplier<T> work) {
        Guarded guarded = guards.get(new Key(profile.id, profile.version), key -> new Guarded(profile));
        Instant now = clock.instant();
        Instant until = mailbox == null ? guarded.backOffUntil
                : Objects.requireNonNullElse(guarded.mailboxBackOff.getIfPresent(mailbox), Instant.MIN);
        if (now.isBefore(until)) {
            long left = Duration.between(now, until).toMillis();
            countRefused(profile, operation, "backing_off");
            throw new UpstreamException(mailbox == null
                    ? new UpstreamFailure(Kind.THROTTLED, "ErrorServerBusy", "Exchange asked the gateway to back "
                            + "off; calls resume in " + Math.max(1, left / 1000) + " s", left)
                    : new UpstreamFailure(Kind.THROTTLED, "MAILBOX_BACKING_OFF", "The server throttled " + mailbox
                            + "; calls resume in " + Math.max(1, (left + 999) / 1000) + " s", left), null);
        }
        Timer.Sample sample = Timer.start(meters);
        String outcome = "error";
        try {
            @SuppressWarnings("unchecked")
            T result = (T) guarded.guard.get(work::get, Object.class);
            outcome = "ok";
            return result;
        } catch (CircuitBreakerOpenException e) {
            outcome = "circuit_open";
            long delay = config.circuitBreaker().delay().toMillis();
            throw new UpstreamException(new UpstreamFailure(Kind.CIRCUIT_OPEN, "CIRCUIT_OPEN",
                    "Calls to Exchange for this profile are paused after repeated failures", delay), e);
        } catch (UpstreamException e) {
            if (e.failure().kind() == Kind.THROTTLED) {
                outcome = "throttled";
                Duration backOff = e.failure().backOffMillis() != null
                        ? Duration.ofMillis(e.failure().backOffMillis()) : defaultBackOff;
                Instant end = clock.instant().plus(backOff);
                if (mailbox == null) {
                    guarded.backOffUntil = end;
                } else {
                    guarded.mailboxBackOff.put(mailbox, end);
                }
                LOG.infof("Profile '%s'%s is throttled (%s): no calls for %d ms", profile.name,
                        mailbox == null ? "" : ", mailbox " + mailbox, e.failure().code(), backOff.toMillis());
            }
            throw e;
        } finally {
            sample.stop(meters.timer("gateway.upstream.calls", "profile", profile.id.toString(), "operation",
                    operation, "outcome", outcome));
        }
    }

    /** Whether the profile is backing off now (its rooms are served from cache meanwhile). */
    public boolean backingOff(Profile profile) {
        Guarded guarded = guards.getIfPresent(new Key(profile.id, profile.version));
        return guarded != null && clock.instant().isBefore(guarded.backOffUntil);
    }

    /** Counts a call refused before it was sent ({@code gateway.upstream.refused}). */
    public void countRefused(Profile profile, String operation, String outcome) {
        meters.counter("gateway.upstream.refused", "profile", profile.id.toString(), "operation", operation,
                "outcome", outcome).increment();
    }

    /** Failures of the server or the way to it; not those about one request or mailbox. */
    static boolean opensCircuit(Throwable t) {
        if (!(t instanceof UpstreamException upstream)) {
            return false;
        }
        UpstreamFailure failure = upstream.failure();
        return failure.kind().isConnectionFailure()
                || (failure.code() != null && failure.code().matches("HTTP_5\\d\\d") && failure.kind() != Kind.THROTTLED);
    }
}
