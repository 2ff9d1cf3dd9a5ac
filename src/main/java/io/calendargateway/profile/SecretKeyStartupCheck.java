package io.calendargateway.profile;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Production refuses to start without an encryption key: profiles could not be stored, and falling back to a
 * built-in key would mean secrets encrypted with a value everybody knows.
 */
@ApplicationScoped
public class SecretKeyStartupCheck {

    private static final Logger LOG = Logger.getLogger(SecretKeyStartupCheck.class);

    void onStart(@Observes StartupEvent event, SecretCipher cipher) {
        check(LaunchMode.current(), cipher);
        LOG.infof("Secrets are encrypted with key '%s'", cipher.activeKeyId().orElse("(none)"));
    }

    static void check(LaunchMode mode, SecretCipher cipher) {
        if (mode == LaunchMode.NORMAL && !cipher.isConfigured()) {
            throw new IllegalStateException("No secret encryption key configured: set gateway.secrets.keys.<id> "
                    + "(environment GATEWAY_SECRETS_KEYS_<ID>, base64 of 32 random bytes) and "
                    + "gateway.secrets.active-key-id; see the README, 'Secret encryption'");
        }
    }
}
