package io.calendargateway.security;

import io.smallrye.config.ConfigMapping;

import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "gateway.admin")
public interface AdminConfig {

    /**
     * Tokens accepted in {@code Authorization: Bearer} on admin endpoints. Several may be listed so a token can
     * be rotated without downtime. None in production by default: admin calls are then refused.
     */
    Optional<List<String>> tokens();
}
