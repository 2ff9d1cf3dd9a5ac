package io.calendargateway.profile;

import io.calendargateway.exchange.Autodiscover;
import io.calendargateway.exchange.EwsAuth;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.util.concurrent.Executor;

/**
 * Creates a profile, first finding its EWS URL by autodiscover when the request gives only
 * {@code autodiscoverEmail}. Autodiscover runs outside the database transaction: it can take seconds.
 */
@ApplicationScoped
public class ProfileCreation {

    private final ProfileService profiles;
    private final Autodiscover autodiscover;

    public ProfileCreation(ProfileService profiles, Autodiscover autodiscover) {
        this.profiles = profiles;
        this.autodiscover = autodiscover;
    }

    public Uni<Profile> create(ProfileRequest request) {
        if (request.kind() != ProfileKind.EWS || ProfileValidator.present(request.serviceUrl())
                || !ProfileValidator.present(request.autodiscoverEmail())) {
            return profiles.create(request, null);
        }
        // Autodiscover blocks on a worker thread; Hibernate Reactive must continue on this request's context.
        Context context = Vertx.currentContext();
        Executor back = context == null ? Runnable::run : command -> context.runOnContext(ignored -> command.run());
        return Uni.createFrom().deferred(() -> {
            ProfileValidator.validate(request, null);
            return autodiscover.discover(request.autodiscoverEmail().strip(), credentials(request.auth()),
                    connection(request));
        }).emitOn(back).flatMap(found -> profiles.create(request, found.serviceUrl()));
    }

    /** The request's own sign-in when it is BASIC or NTLM; other kinds ask anonymously. */
    private static Autodiscover.Credentials credentials(ProfileRequest.Auth auth) {
        if (auth.type() != AuthType.BASIC && auth.type() != AuthType.NTLM) {
            return null;
        }
        return new Autodiscover.Credentials(auth.type() == AuthType.NTLM ? EwsAuth.NTLM : EwsAuth.BASIC,
                auth.username().strip(), auth.password(), ProfileValidator.present(auth.domain())
                        ? auth.domain().strip() : null);
    }

    /** The new profile's TLS settings and proxy; without a CA bundle of its own, the configured one. */
    private Autodiscover.Connection connection(ProfileRequest request) {
        ProfileRequest.Tls tls = request.tls();
        String ca = tls != null && ProfileValidator.present(tls.caBundlePem()) ? tls.caBundlePem()
                : autodiscover.configuredCaBundle();
        boolean insecure = tls != null && Boolean.TRUE.equals(tls.insecureSkipVerify());
        URI proxy = ProfileValidator.present(request.proxy()) ? URI.create(request.proxy().strip()) : null;
        return new Autodiscover.Connection(ca, insecure, proxy);
    }
}
