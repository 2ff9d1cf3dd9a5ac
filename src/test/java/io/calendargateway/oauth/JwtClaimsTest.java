package io.calendargateway.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

class JwtClaimsTest {

    static String jwt(String payloadJson) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }

    @Test
    void shouldReadAppOnlyClaims() {
        JwtClaims claims = JwtClaims.decode(jwt("{\"aud\":\"https://outlook.office365.com\","
                + "\"tid\":\"9188040d-6c67-4c5b-b112-36a304b66dad\",\"appid\":\"11111111-2222-3333-4444-555555555555\","
                + "\"roles\":[\"full_access_as_app\"],\"exp\":1795856400}"));

        assertEquals(List.of("full_access_as_app"), claims.roles());
        assertTrue(claims.hasRole("full_access_as_app"));
        assertEquals("9188040d-6c67-4c5b-b112-36a304b66dad", claims.tenantId());
        assertEquals(List.of("https://outlook.office365.com"), claims.audience());
        assertEquals("11111111-2222-3333-4444-555555555555", claims.appId());
        assertEquals(Instant.ofEpochSecond(1795856400L), claims.expiresAt());
        assertEquals(List.of(), claims.scopes());
    }

    @Test
    void shouldShowThatATokenWithoutConsentHasNoRoles() {
        JwtClaims claims = JwtClaims.decode(jwt("{\"aud\":[\"https://graph.microsoft.com\",\"api://x\"],"
                + "\"tid\":\"t1\",\"azp\":\"app-2\",\"scp\":\"EWS.AccessAsUser.All  openid\"}"));

        assertEquals(List.of(), claims.roles());
        assertFalse(claims.hasRole("Calendars.Read"));
        assertEquals(List.of("https://graph.microsoft.com", "api://x"), claims.audience());
        assertEquals(List.of("EWS.AccessAsUser.All", "openid"), claims.scopes());
        assertEquals("app-2", claims.appId());
        assertEquals(null, claims.expiresAt());
    }

    @Test
    void shouldRejectSomethingThatIsNotAJwtWithoutEchoingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JwtClaims.decode("opaque-secret-token"));
        assertEquals("The access token is not a JWT", e.getMessage());

        IllegalArgumentException notJson = assertThrows(IllegalArgumentException.class,
                () -> JwtClaims.decode("aGVhZA.bm90IGpzb24.c2ln"));
        assertEquals("The access token's payload is not base64url JSON", notJson.getMessage());
    }
}
