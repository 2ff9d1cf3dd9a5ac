package io.calendargateway.profile;

import io.calendargateway.security.AdminOnly;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Key rotation: rewrites every stored secret under the active key, after which old keys can be removed. */
@Path("/secrets")
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
public class SecretsResource {

    private final ProfileService profiles;
    private final SecretCipher cipher;

    public SecretsResource(ProfileService profiles, SecretCipher cipher) {
        this.profiles = profiles;
        this.cipher = cipher;
    }

    @POST
    @Path("/re-encrypt")
    public Uni<ReEncryption> reEncrypt() {
        return profiles.reEncryptAll().map(counts -> new ReEncryption(counts.get("reEncrypted"), counts.get("total"),
                cipher.activeKeyId().orElse(null)));
    }

    public record ReEncryption(int reEncrypted, int total, String activeKeyId) {
    }
}
