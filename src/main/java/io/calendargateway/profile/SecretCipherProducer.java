package io.calendargateway.profile;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.calendargateway.config.SecretsConfig;

/** Builds the {@link SecretCipher} from configuration; an invalid key fails startup naming the key id. */
public class SecretCipherProducer {

    @Produces
    @Singleton
    SecretCipher secretCipher(SecretsConfig config) {
        return SecretCipher.fromConfig(config);
    }
}
