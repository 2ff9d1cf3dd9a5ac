package io.calendargateway.exchange;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /autodiscover}: the address to search, and optionally credentials for POX and SOAP and/or a profile
 * whose credentials, TLS settings and proxy are used. Given both, {@code auth} wins over the profile's credentials.
 */
public record AutodiscoverRequest(
        @NotBlank @Email @Size(max = 320) String email,
        @Valid Auth auth,
        @Size(max = 64) String profileId) {

    public enum AuthType { BASIC, NTLM }

    public record Auth(
            @NotNull AuthType type,
            @NotBlank @Size(max = 320) String username,
            @NotBlank @Size(max = 1024) String password,
            @Size(max = 200) String domain) {

        Autodiscover.Credentials credentials() {
            return new Autodiscover.Credentials(type == AuthType.NTLM ? EwsAuth.NTLM : EwsAuth.BASIC, username,
                    password, domain == null || domain.isBlank() ? null : domain.strip());
        }

        @Override
        public String toString() {
            return "Auth[type=" + type + ", username=" + username + ", domain=" + domain + ", password=***]";
        }
    }
}
