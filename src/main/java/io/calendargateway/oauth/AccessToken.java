package io.calendargateway.oauth;

import java.time.Instant;

/** An access token and when it expires. {@link #toString()} never shows the token. */
public record AccessToken(String value, Instant expiresAt) {

    @Override
    public String toString() {
        return "AccessToken[expiresAt=" + expiresAt + "]";
    }
}
