package io.calendargateway.oauth;

import java.net.URI;
import java.util.Objects;

/**
 * How to obtain access tokens for one connection profile from Entra ID (or another OAuth2 token endpoint).
 *
 * @param tokenUrl absolute token endpoint, usually {@link #defaultTokenUrl(String, String)}
 * @param grant client credentials (app-only) or the legacy password grant
 * @param username password grant only
 * @param password password grant only
 * @param scope e.g. {@link #EWS_SCOPE} or {@link #GRAPH_SCOPE}
 * @param proxy outbound HTTP proxy ({@code http://host:port}), or null
 * @param caBundlePem PEM certificates trusted besides the JDK's for an https token endpoint (AD FS on an internal
 *        CA), or null
 */
public record TokenSettings(URI tokenUrl, String clientId, String clientSecret, Grant grant, String username,
        String password, String scope, URI proxy, String caBundlePem) {

    /** Settings for a token endpoint reached directly, without a proxy, trusted through the JDK's CAs. */
    public TokenSettings(URI tokenUrl, String clientId, String clientSecret, Grant grant, String username,
            String password, String scope) {
        this(tokenUrl, clientId, clientSecret, grant, username, password, scope, null, null);
    }

    public static final String DEFAULT_AUTHORITY = "https://login.microsoftonline.com";
    public static final String EWS_SCOPE = "https://outlook.office365.com/.default";
    public static final String GRAPH_SCOPE = "https://graph.microsoft.com/.default";

    public enum Grant {
        CLIENT_CREDENTIALS,
        /** Resource-owner password (ROPC): no MFA, no federated users; kept for legacy EWS tenants. */
        PASSWORD
    }

    public TokenSettings {
        Objects.requireNonNull(tokenUrl, "tokenUrl");
        Objects.requireNonNull(grant, "grant");
        if (!tokenUrl.isAbsolute() || tokenUrl.getHost() == null) {
            throw new IllegalArgumentException("tokenUrl must be an absolute URL");
        }
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("clientId is required");
        }
        if (grant == Grant.PASSWORD && (username == null || username.isBlank() || password == null)) {
            throw new IllegalArgumentException("the password grant needs a username and a password");
        }
        if (scope == null || scope.isBlank()) {
            throw new IllegalArgumentException("scope is required");
        }
    }

    /** {@code {authorityUrl}/{tenantId}/oauth2/v2.0/token}; a null or blank authority means the public cloud. */
    public static URI defaultTokenUrl(String authorityUrl, String tenantId) {
        if (tenantId == null || tenantId.isBlank()) {
            throw new IllegalArgumentException("tenantId is required to derive the token URL");
        }
        String authority = authorityUrl == null || authorityUrl.isBlank() ? DEFAULT_AUTHORITY : authorityUrl;
        while (authority.endsWith("/")) {
            authority = authority.substring(0, authority.length() - 1);
        }
        return URI.create(authority + "/" + tenantId.trim() + "/oauth2/v2.0/token");
    }

    @Override
    public String toString() {
        return "TokenSettings[tokenUrl=" + tokenUrl + ", clientId=" + clientId + ", clientSecretSet="
                + (clientSecret != null) + ", grant=" + grant + ", username=" + username + ", scope=" + scope + ", proxy="
                + proxy + ", caBundleSet=" + (caBundlePem != null) + "]";
    }
}
