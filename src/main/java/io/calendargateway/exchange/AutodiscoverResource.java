package io.calendargateway.exchange;

import io.calendargateway.profile.Profile;
import io.calendargateway.profile.ProfileService;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;


/** Finds the EWS URL of an address by autodiscover and reports every attempt. */
@Path("/autodiscover")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AutodiscoverResource {

    private final Autodiscover autodiscover;
    private final ProfileService profiles;

    public AutodiscoverResource(Autodiscover autodiscover, ProfileService profiles) {
        this.autodiscover = autodiscover;
        this.profiles = profiles;
    }

    @POST
    public Uni<AutodiscoverResult> discover(@NotNull @Valid AutodiscoverRequest request) {
        Autodiscover.Credentials given = request.auth() == null ? null : request.auth().credentials();
        if (request.profileId() == null || request.profileId().isBlank()) {
            return autodiscover.discover(request.email(), given, autodiscover.connection(null, false, null));
        }
        return profiles.get(request.profileId().strip()).flatMap(profile -> autodiscover.discover(request.email(),
                given != null ? given : credentials(profile),
                autodiscover.connection(profile.caBundlePem, profile.insecureSkipVerify, profile.proxy)));
    }

    /** The profile's own sign-in when it is BASIC or NTLM; OAuth profiles ask anonymously (v2 needs nothing). */
    private Autodiscover.Credentials credentials(Profile profile) {
        return Autodiscover.Credentials.of(profile.authType, profile.username,
                profiles.decryptedSecrets(profile).password(), profile.domain);
    }
}
