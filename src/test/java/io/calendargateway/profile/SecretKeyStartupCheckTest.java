package io.calendargateway.profile;

import io.quarkus.runtime.LaunchMode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretKeyStartupCheckTest {

    private static final SecretCipher NO_KEY = new SecretCipher(Map.of(), null);
    private static final SecretCipher ONE_KEY =
            new SecretCipher(Map.of("k1", "dGVzdC1rZXktYS1ub3QtZm9yLXByb2R1Y3Rpb24hISE="), "k1");

    @Test
    void productionShouldRefuseToStartWithoutAKey() {
        assertThatThrownBy(() -> SecretKeyStartupCheck.check(LaunchMode.NORMAL, NO_KEY))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GATEWAY_SECRETS_KEYS_<ID>");
    }

    @Test
    void productionWithAKeyAndDevelopmentShouldStart() {
        assertThatCode(() -> SecretKeyStartupCheck.check(LaunchMode.NORMAL, ONE_KEY)).doesNotThrowAnyException();
        assertThatCode(() -> SecretKeyStartupCheck.check(LaunchMode.DEVELOPMENT, NO_KEY)).doesNotThrowAnyException();
    }
}
