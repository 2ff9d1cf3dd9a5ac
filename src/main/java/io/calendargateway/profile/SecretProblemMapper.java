package io.calendargateway.profile;

import io.calendargateway.error.Problem;
import io.calendargateway.error.ProblemException;
import io.calendargateway.error.ProblemMappers;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Map;

/**
 * A stored secret that cannot be decrypted is a configuration problem of this gateway (a key was removed before
 * re-encryption, or the data was altered): a 500 that says which key, never what the secret is.
 */
public class SecretProblemMapper {

    private static final Logger LOG = Logger.getLogger(SecretProblemMapper.class);

    @ServerExceptionMapper
    public RestResponse<Problem> undecryptable(SecretCipherException e, UriInfo uri) {
        LOG.errorf("A stored secret cannot be decrypted: %s", e.getMessage());
        return ProblemMappers.toResponse(new ProblemException(500, "secret-undecryptable",
                "Stored secret cannot be decrypted", e.getMessage(), "SECRET_KEY", "Configure the key named here in "
                + "gateway.secrets.keys (GATEWAY_SECRETS_KEYS_<ID>), or set the profile's password or client secret "
                + "again.", Map.of()), uri);
    }
}
