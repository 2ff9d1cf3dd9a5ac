package io.calendargateway.config;

import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * Keys that encrypt connection-profile secrets (passwords, client secrets) at rest.
 * <p>
 * Supply the values from the environment or a Kubernetes Secret, never from a committed file: the environment
 * variables {@code GATEWAY_SECRETS_KEYS_K2026A=<base64>} and {@code GATEWAY_SECRETS_ACTIVE_KEY_ID=k2026a} define the
 * key id {@code k2026a} (ids from environment variables come out in lower case). Create a key with
 * {@code openssl rand -base64 32}.
 */
@ConfigMapping(prefix = "gateway.secrets")
public interface SecretsConfig {

    /**
     * Key id to the base64 encoding of exactly 32 random bytes (AES-256). Keep an old key listed after rotating
     * until every stored secret has been re-encrypted under the active one.
     */
    Map<String, String> keys();

    /**
     * The key new secrets are encrypted with. May be omitted when exactly one key is listed.
     */
    Optional<String> activeKeyId();
}
