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

    public ProfileCreation(ProfileService profiles) {
        this.profiles = profiles;
    }

    public Uni<Profile> create(ProfileRequest request) {
        return profiles.create(request, null);
    }
}
