package io.calendargateway.profile;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Creates a profile, first finding its EWS URL by autodiscover when the request gives only
 * {@code autodiscoverEmail}. Autodiscover runs outside the database transaction: it can take seconds.
 */
@ApplicationScoped
public class ProfileCreation {

    private final ProfileService profiles;
    private final ServiceUrlDiscovery discovery;

    public ProfileCreation(ProfileService profiles, ServiceUrlDiscovery discovery) {
        this.profiles = profiles;
        this.discovery = discovery;
    }

    public Uni<Profile> create(ProfileRequest request) {
        if (request.kind() != ProfileKind.EWS || ProfileValidator.present(request.serviceUrl())
                || !ProfileValidator.present(request.autodiscoverEmail())) {
            return profiles.create(request, null);
        }
        return Uni.createFrom().deferred(() -> {
            ProfileValidator.validate(request, null);
            return discovery.discover(request);
        }).flatMap(serviceUrl -> profiles.create(request, serviceUrl));
    }
}
