package io.calendargateway.simulator;

import io.calendargateway.config.DemoConfig;
import io.calendargateway.profile.Access;
import io.calendargateway.profile.AuthType;
import io.calendargateway.profile.Profile;
import io.calendargateway.profile.ProfileKind;
import io.calendargateway.profile.ProfileRepository;
import io.calendargateway.profile.ProfileRequest;
import io.calendargateway.profile.ProfileService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Demo mode ({@code gateway.demo.enabled}, on in the dev profile): starts the simulated Exchange in-process and
 * (re)creates the profile {@value #PROFILE_NAME} for its on-premises organisation, so {@code ./mvnw quarkus:dev}
 * shows realistic data without an Exchange at hand. Inert unless enabled; production refuses it unless
 * {@code gateway.demo.allow-in-production} confirms (startup/StartupChecks).
 */
@ApplicationScoped
public class DemoMode {

    static final String PROFILE_NAME = "Demo (simulated Exchange)";
    private static final Logger LOG = Logger.getLogger(DemoMode.class);

    private final DemoConfig config;
    private final ProfileService profiles;
    private final ProfileRepository repository;
    private volatile ExchangeSimulator simulator;
    private volatile Profile profile;

    public DemoMode(DemoConfig config, ProfileService profiles, ProfileRepository repository) {
        this.config = config;
        this.profiles = profiles;
        this.repository = repository;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        if (!config.enabled()) {
            return;
        }
        simulator = ExchangeSimulator.start(Scenarios.defaultScenario(),
                SimulatorOptions.defaults().ports(config.port(), config.httpsPort()));
        ProfileRequest request = demoProfile(simulator.ewsUrl());
        profile = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                        repository.findByName(PROFILE_NAME).flatMap(old -> old == null
                                ? Uni.createFrom().voidItem() : repository.delete(old)))
                .flatMap(nothing -> profiles.create(request, null)));
        LOG.warnf("DEMO MODE: simulated Exchange at %s (HTTPS %s); profile '%s' has id %s. Try: curl -X POST "
                        + "-H 'Authorization: Bearer <admin token>' 'http://localhost:<port>/profiles/%s/test?mailbox=room1@contoso.com'",
                simulator.ewsUrl(), config.httpsPort() < 0 ? "off" : simulator.ewsHttpsUrl(), PROFILE_NAME, profile.id, profile.id);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (simulator != null) {
            simulator.close();
        }
    }

    /** The running simulator, or null when demo mode is off. */
    public ExchangeSimulator simulator() {
        return simulator;
    }

    /** The demo profile, or null when demo mode is off. */
    public Profile profile() {
        return profile;
    }

    static ProfileRequest demoProfile(String ewsUrl) {
        return new ProfileRequest(PROFILE_NAME, ProfileKind.EWS, ewsUrl, null, null, null,
                new ProfileRequest.Auth(AuthType.NTLM, "svc-gateway", Scenarios.SVC_GATEWAY_PASSWORD, "CONTOSO",
                        null, null, null, null),
                Access.IMPERSONATION, List.of("contoso.com"), "Europe/Berlin", null, null);
    }
}
