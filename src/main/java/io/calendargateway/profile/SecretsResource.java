package io.calendargateway.profile;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Key rotation: rewrites every stored secret under the active key, after which old keys can be removed. */
@Path("/secrets")
@Produces(MediaType.APPLICATION_JSON)
public class SecretsResource {

    private final ProfileService profiles;

    public SecretsResource(ProfileService profiles) {
        this.profiles = profiles;
    }

    @POST
    @Path("/re-encrypt")
    public Uni<ProfileService.ReEncryption> reEncrypt() {
        return profiles.reEncryptAll();
    }
}
