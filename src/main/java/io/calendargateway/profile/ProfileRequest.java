package io.calendargateway.profile;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A profile as clients send it on create and update. Secrets ({@code auth.password}, {@code auth.clientSecret})
 * are write-only; on update an omitted secret keeps the stored one. {@link #toString()} never prints them.
 */
public record ProfileRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull ProfileKind kind,
        @Size(max = 2048) String serviceUrl,
        @Email @Size(max = 320) String autodiscoverEmail,
        @Size(max = 200) String tenantId,
        @Size(max = 2048) String authorityUrl,
        @NotNull @Valid Auth auth,
        Access access,
        @Size(max = 100) List<@NotBlank @Size(max = 253) String> domains,
        @Size(max = 64) String timeZone,
        @Valid Tls tls,
        @Size(max = 2048) String proxy) {

    public record Auth(
            @NotNull AuthType type,
            @Size(max = 320) String username,
            @Size(max = 1024) String password,
            @Size(max = 200) String domain,
            @Size(max = 200) String clientId,
            @Size(max = 2048) String clientSecret,
            @Size(max = 2048) String tokenUrl,
            @Size(max = 1000) String scope) {

        @Override
        public String toString() {
            return "Auth[type=" + type + ", username=" + username + ", domain=" + domain + ", clientId=" + clientId
                    + ", password=" + (password == null ? "unset" : "***") + ", clientSecret="
                    + (clientSecret == null ? "unset" : "***") + "]";
        }
    }

    public record Tls(@Size(max = 200_000) String caBundlePem, Boolean insecureSkipVerify) {
    }
}
