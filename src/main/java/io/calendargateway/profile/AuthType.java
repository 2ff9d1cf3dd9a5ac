package io.calendargateway.profile;

/** How the gateway signs in to Exchange or Entra ID. */
public enum AuthType {
    /** EWS on-premises: user name and password, sent in the clear inside TLS. */
    BASIC,
    /** EWS on-premises: Windows challenge-response with user, password and domain. */
    NTLM,
    /** App-only OAuth 2.0 (client id and secret): Graph, or EWS in Exchange Online. */
    OAUTH2_CLIENT_CREDENTIALS,
    /** Resource-owner password grant (EWS in Exchange Online only): legacy, cannot do MFA. */
    OAUTH2_PASSWORD;

    public boolean isOAuth() {
        return this == OAUTH2_CLIENT_CREDENTIALS || this == OAUTH2_PASSWORD;
    }
}
