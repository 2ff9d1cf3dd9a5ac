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
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Demo mode ({@code gateway.demo.enabled}, on in the dev profile): starts the simulated Exchange in-process and
 * (re)creates the profile {@value #PROFILE_NAME} for its on-premises organisation (EWS) and
 * {@value #GRAPH_PROFILE_NAME} for its Exchange Online tenant tailspin (Microsoft Graph, the same rooms), so
 * {@code ./mvnw quarkus:dev} shows realistic data of both backends without an Exchange at hand. Inert unless enabled; production refuses it unless
 * {@code gateway.demo.allow-in-production} confirms (startup/StartupChecks).
 */
@ApplicationScoped
public class DemoMode {

    static final String PROFILE_NAME = "Demo (simulated Exchange)";
    static final String GRAPH_PROFILE_NAME = "Demo Graph (simulated Exchange Online)";
    /** The dev profile's admin token (application.properties): published in the README, so it may be logged. */
    static final String PUBLIC_DEV_TOKEN = "dev-admin-token";
    private static final Logger LOG = Logger.getLogger(DemoMode.class);

    private final DemoConfig config;
    private final ProfileService profiles;
    private final ProfileRepository repository;
    private final Optional<List<String>> adminTokens;
    private volatile ExchangeSimulator simulator;
    private volatile Profile profile;
    private volatile Profile graphProfile;

    public DemoMode(DemoConfig config, ProfileService profiles, ProfileRepository repository,
                    @ConfigProperty(name = "gateway.admin.tokens") Optional<List<String>> adminTokens) {
        this.config = config;
        this.profiles = profiles;
        this.repository = repository;
        this.adminTokens = adminTokens;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        if (!config.enabled()) {
            return;
        }
        simulator = ExchangeSimulator.start(Scenarios.defaultScenario(),
                SimulatorOptions.defaults().ports(config.port(), config.httpsPort()));
        String certificate = config.httpsPort() < 0 ? null : writeCertificate();
        profile = VertxContextSupport.subscribeAndAwait(this::upsertProfile);
        graphProfile = VertxContextSupport.subscribeAndAwait(this::upsertGraphProfile);
        LOG.infof("DEMO MODE: simulated Exchange at %s%s; profile '%s' has id %s, profile '%s' (Graph, "
                        + "tailspintoys.com) %s. Try: curl -s -X POST -H 'Authorization: Bearer %s' "
                        + "'http://localhost:%d/profiles/%s/test?mailbox=room1@contoso.com', or open "
                        + "http://localhost:%d/console",
                simulator.ewsUrl(), certificate == null ? "" : " and " + simulator.ewsHttpsUrl() + " (its certificate: "
                        + certificate + ")", PROFILE_NAME, profile.id, GRAPH_PROFILE_NAME, graphProfile.id,
                printableToken(), httpPort(), profile.id, httpPort());
    }

    /**
     * The demo profile keeps its id across restarts (dev mode keeps its database): created once, then updated to
     * the simulator's current URL.
     */
    Uni<Profile> upsertProfile() {
        return upsert(demoProfile(simulator.ewsUrl()));
    }

    /** The Graph demo profile, kept like the EWS one. */
    Uni<Profile> upsertGraphProfile() {
        return upsert(graphDemoProfile(simulator.graphUrl(), simulator.tokenUrl(Scenarios.TAILSPIN_TENANT_ID)));
    }

    private Uni<Profile> upsert(ProfileRequest request) {
        return Panache.withSession(() -> repository.findByName(request.name())).flatMap(existing -> existing == null
                ? profiles.create(request, null) : profiles.update(existing.id.toString(), "*", request));
    }

    /** Writes the simulator's self-signed certificate where curl, profiles and autodiscover can trust it. */
    private String writeCertificate() {
        Path file = config.certificateFile().toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, simulator.httpsCertificatePem());
            return file.toString();
        } catch (IOException e) {
            LOG.warnf("The simulator's certificate could not be written to %s (%s): HTTPS demos need it", file,
                    e.getMessage());
            return "not written";
        }
    }

    /** The public dev token may appear in the log line; any other admin token stays a placeholder. */
    private String printableToken() {
        return adminTokens.orElse(List.of()).stream().map(String::strip).filter(PUBLIC_DEV_TOKEN::equals).findFirst()
                .orElse("<admin token>");
    }

    private static int httpPort() {
        String key = LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
        return ConfigProvider.getConfig().getOptionalValue(key, Integer.class).orElse(8080);
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

    /** The Graph demo profile, or null when demo mode is off. */
    public Profile graphProfile() {
        return graphProfile;
    }

    static ProfileRequest demoProfile(String ewsUrl) {
        return new ProfileRequest(PROFILE_NAME, ProfileKind.EWS, ewsUrl, null, null, null,
                new ProfileRequest.Auth(AuthType.NTLM, "svc-gateway", Scenarios.SVC_GATEWAY_PASSWORD, "CONTOSO",
                        null, null, null, null),
                Access.IMPERSONATION, List.of("contoso.com"), "Europe/Berlin", null, null);
    }

    static ProfileRequest graphDemoProfile(String graphUrl, String tokenUrl) {
        return new ProfileRequest(GRAPH_PROFILE_NAME, ProfileKind.GRAPH, graphUrl, null, Scenarios.TAILSPIN_TENANT_ID,
                null, new ProfileRequest.Auth(AuthType.OAUTH2_CLIENT_CREDENTIALS, null, null, null,
                        Scenarios.TAILSPIN_APP, Scenarios.TAILSPIN_APP_SECRET, tokenUrl, null),
                null, List.of(Scenarios.TAILSPIN_DOMAIN), "Europe/Berlin", null, null);
    }
}
