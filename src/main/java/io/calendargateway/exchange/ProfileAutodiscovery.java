package io.calendargateway.exchange;

import io.calendargateway.profile.ProfileRequest;
import io.calendargateway.profile.ServiceUrlDiscovery;
import io.calendargateway.upstream.Blocking;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Autodiscover for a profile being created: with the request's own sign-in, TLS settings and proxy. */
@ApplicationScoped
public class ProfileAutodiscovery implements ServiceUrlDiscovery {

    private final Autodiscover autodiscover;

    public ProfileAutodiscovery(Autodiscover autodiscover) {
        this.autodiscover = autodiscover;
    }

    @Override
    public Uni<String> discover(ProfileRequest request) {
        ProfileRequest.Auth auth = request.auth();
        ProfileRequest.Tls tls = request.tls();
        Autodiscover.Credentials credentials = Autodiscover.Credentials.of(auth.type(), auth.username(),
                auth.password(), auth.domain());
        Autodiscover.Connection connection = autodiscover.connection(tls == null ? null : tls.caBundlePem(),
                tls != null && Boolean.TRUE.equals(tls.insecureSkipVerify()), request.proxy());
        // autodiscover blocks on a worker thread; the caller goes on with Hibernate Reactive on its own context
        return autodiscover.discover(request.autodiscoverEmail().strip(), credentials, connection)
                .emitOn(Blocking.backToCaller()).map(AutodiscoverResult::serviceUrl);
    }
}
