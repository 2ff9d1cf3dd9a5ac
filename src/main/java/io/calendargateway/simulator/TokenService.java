package io.calendargateway.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The Entra ID token endpoint ({@code POST /{tenant}/oauth2/v2.0/token}) for client_credentials and password
 * grants. Tokens are RS256 JWTs with the claims Exchange and Graph read ({@code aud}, {@code iss}, {@code tid},
 * {@code appid}, {@code exp}, {@code roles} for consented apps, {@code scp}/{@code upn} for users). Failures are
 * Entra's JSON errors with AADSTS codes.
 */
final class TokenService {

    static final String EWS_AUDIENCE = "https://outlook.office365.com";
    static final String GRAPH_AUDIENCE = "https://graph.microsoft.com";
    static final List<String> EWS_APP_ROLES = List.of("full_access_as_app");
    static final List<String> GRAPH_APP_ROLES = List.of("Calendars.Read", "Place.Read.All", "User.Read.All");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter ENTRA_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Scenario scenario;
    private final KeyPair signingKey;
    private final Clock clock;
    private final CallCounter calls;
    private final String keyId;

    TokenService(Scenario scenario, KeyPair signingKey, Clock clock, CallCounter calls) {
        this.scenario = scenario;
        this.signingKey = signingKey;
        this.clock = clock;
        this.calls = calls;
        this.keyId = Ids.hexHash(Base64.getEncoder().encodeToString(signingKey.getPublic().getEncoded()), 8);
    }

    SimResponse handle(SimRequest req, String tenantSegment) {
        if (!"POST".equals(req.method())) {
            return error(405, "invalid_request", 900561,
                    "The endpoint only accepts POST requests. Received a " + req.method() + " request.");
        }
        Map<String, String> form = req.form();
        String clientId = form.getOrDefault("client_id", "");
        String grant = form.getOrDefault("grant_type", "");
        calls.record("Token", grant.equals("password") ? form.get("username") : clientId);
        Optional<Tenant> tenant = scenario.tenant(tenantSegment);
        if (tenant.isEmpty() || !tenant.get().online()) {
            return error(400, "invalid_tenant", 90002, "Tenant '" + tenantSegment + "' not found. Check to make sure"
                    + " you have the correct tenant ID and are signing into the correct cloud.");
        }
        Tenant t = tenant.get();
        if (!grant.equals("client_credentials") && !grant.equals("password")) {
            return error(400, "unsupported_grant_type", 70003,
                    "The app requested an unsupported grant type '" + grant + "'.");
        }
        String scope = form.get("scope");
        if (scope == null || scope.isBlank()) {
            return error(400, "invalid_request", 90014,
                    "The required field 'scope' is missing from the credential. Ensure that you have all the"
                            + " necessary parameters for the login request.");
        }
        String audience = audienceOf(scope);
        if (audience == null) {
            return error(400, "invalid_scope", 1002012, "The provided value for scope " + scope
                    + " is not valid. Client credential flows must have a scope value with /.default suffixed"
                    + " to the resource identifier (application ID URI).");
        }
        Optional<OAuthApp> app = scenario.app(t, clientId);
        if (app.isEmpty()) {
            return error(400, "unauthorized_client", 700016, "Application with identifier '" + clientId
                    + "' was not found in the directory '" + t.name() + "'. This can happen if the application"
                    + " has not been installed by the administrator of the tenant or consented to by any user in"
                    + " the tenant. You may have sent your authentication request to the wrong tenant.");
        }
        OAuthApp a = app.get();
        if (a.isSecretExpired()) {
            return error(401, "invalid_client", 7000222, "The provided client secret keys for app '" + clientId
                    + "' are expired. Visit the Azure portal to create new keys for your app.");
        }
        if (!a.secret().equals(form.get("client_secret"))) {
            return error(401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret being"
                    + " sent in the request is the client secret value, not the client secret ID, for a secret"
                    + " added to app '" + clientId + "'.");
        }
        if (grant.equals("client_credentials")) {
            return success(appClaims(t, a, audience), null);
        }
        Map<String, Object> claims = claims(t, a, audience);
        String username = form.getOrDefault("username", "");
        Optional<Account> user = scenario.accountByUpn(username).filter(u -> u.tenant() == t);
        if (user.isEmpty() || !user.get().password().equals(form.get("password"))) {
            return error(400, "invalid_grant", 50126,
                    "Error validating credentials due to invalid username or password.");
        }
        Account u = user.get();
        switch (u.signInError()) {
            case 0 -> {
            }
            case 50076 -> {
                return error(400, "invalid_grant", 50076, "Due to a configuration change made by your"
                        + " administrator, or because you moved to a new location, you must use multi-factor"
                        + " authentication to access '" + audience + "'.", "basic_action");
            }
            case 50079 -> {
                return error(400, "invalid_grant", 50079, "Due to a configuration change made by your"
                        + " administrator, or because you moved to a new location, you must enroll in multi-factor"
                        + " authentication to access '" + audience + "'.", "basic_action");
            }
            case 53003 -> {
                return error(400, "invalid_grant", 53003, "Access has been blocked by Conditional Access policies."
                        + " The access policy does not allow token issuance.", "message_only");
            }
            case 50105 -> {
                return error(400, "invalid_grant", 50105, "Your administrator has configured the application "
                        + a.displayName() + " ('" + a.clientId() + "') to block users unless they are specifically"
                        + " granted ('assigned') access to the application. The signed in user '" + u.upn()
                        + "' is blocked because they are not a direct member of a group with access, nor had"
                        + " access directly assigned by an administrator. Please contact your administrator to"
                        + " assign access to this application.");
            }
            default -> {
                return error(400, "invalid_grant", u.signInError(), "Sign-in failed for this user.");
            }
        }
        if (!a.adminConsent()) {
            return error(400, "invalid_grant", 65001, "The user or administrator has not consented to use the"
                    + " application with ID '" + a.clientId() + "' named '" + a.displayName() + "'. Send an"
                    + " interactive authorization request for this user and resource.", "consent_required");
        }
        claims.put("idtyp", "user");
        claims.put("oid", Ids.guidFrom("user:" + u.upn()));
        claims.put("upn", u.upn());
        claims.put("unique_name", u.upn());
        claims.put("name", u.displayName());
        claims.put("scp", audience.equals(EWS_AUDIENCE) ? "EWS.AccessAsUser.All"
                : "Calendars.Read Place.Read.All User.ReadBasic.All");
        claims.put("sub", Ids.guidFrom("sub:" + u.upn()));
        return success(claims, audience.equals(EWS_AUDIENCE) ? EWS_AUDIENCE + "/EWS.AccessAsUser.All"
                : GRAPH_AUDIENCE + "/Calendars.Read " + GRAPH_AUDIENCE + "/Place.Read.All");
    }

    /** The claims of a client-credentials token of {@code app} for {@code audience}. */
    Map<String, Object> appClaims(Tenant t, OAuthApp app, String audience) {
        Map<String, Object> claims = claims(t, app, audience);
        claims.put("idtyp", "app");
        claims.put("oid", Ids.guidFrom("sp:" + app.clientId()));
        if (app.adminConsent()) {
            claims.put("roles", app.roles(audience));
        }
        claims.put("sub", Ids.guidFrom("sp:" + app.clientId()));
        return claims;
    }

    private Map<String, Object> claims(Tenant t, OAuthApp app, String audience) {
        Instant now = clock.instant();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", audience);
        claims.put("iss", "https://sts.windows.net/" + t.id() + "/");
        claims.put("iat", now.getEpochSecond());
        claims.put("nbf", now.getEpochSecond());
        claims.put("exp", now.getEpochSecond() + 3599);
        claims.put("app_displayname", app.displayName());
        claims.put("appid", app.clientId());
        claims.put("appidacr", "1");
        claims.put("tid", t.id());
        claims.put("ver", "1.0");
        return claims;
    }

    /** Verified claims of a token we issued, or empty when the signature or format is wrong. */
    Optional<Map<String, Object>> verify(String token) {
        try {
            String[] parts = token.split("\\.");
            if (parts.length != 3) {
                return Optional.empty();
            }
            Signature sig = Signature.getInstance("SHA256withRSA");
            sig.initVerify(signingKey.getPublic());
            sig.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!sig.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return Optional.empty();
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> claims = JSON.readValue(Base64.getUrlDecoder().decode(parts[1]), Map.class);
            return Optional.of(claims);
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    boolean expired(Map<String, Object> claims) {
        Object exp = claims.get("exp");
        return !(exp instanceof Number n) || n.longValue() <= clock.instant().getEpochSecond();
    }

    /** Issues a token directly (for tests that need one without the HTTP round trip). */
    String issue(Map<String, Object> claims) {
        try {
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("typ", "JWT");
            header.put("alg", "RS256");
            header.put("x5t", keyId);
            header.put("kid", keyId);
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String signingInput = b64.encodeToString(JSON.writeValueAsBytes(header)) + "."
                    + b64.encodeToString(JSON.writeValueAsBytes(claims));
            Signature sig = Signature.getInstance("SHA256withRSA");
            sig.initSign(signingKey.getPrivate());
            sig.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64.encodeToString(sig.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private SimResponse success(Map<String, Object> claims, String scope) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token_type", "Bearer");
        if (scope != null) {
            body.put("scope", scope);
        }
        body.put("expires_in", 3599);
        body.put("ext_expires_in", 3599);
        body.put("access_token", issue(claims));
        return json(200, body);
    }

    static String audienceOf(String scope) {
        for (String s : scope.split(" ")) {
            String lower = s.toLowerCase(Locale.ROOT);
            if (lower.startsWith(EWS_AUDIENCE)) {
                return EWS_AUDIENCE;
            }
            if (lower.startsWith(GRAPH_AUDIENCE)) {
                return GRAPH_AUDIENCE;
            }
        }
        return null;
    }

    private SimResponse error(int status, String error, int code, String description) {
        return error(status, error, code, description, null);
    }

    private SimResponse error(int status, String error, int code, String description, String suberror) {
        Instant now = clock.instant();
        String traceId = UUID.randomUUID().toString();
        String correlationId = UUID.randomUUID().toString();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", "AADSTS" + code + ": " + description + "\r\nTrace ID: " + traceId
                + "\r\nCorrelation ID: " + correlationId + "\r\nTimestamp: " + ENTRA_TIME.format(now));
        List<Integer> codes = new ArrayList<>();
        codes.add(code);
        body.put("error_codes", codes);
        body.put("timestamp", ENTRA_TIME.format(now));
        body.put("trace_id", traceId);
        body.put("correlation_id", correlationId);
        body.put("error_uri", "https://login.microsoftonline.com/error?code=" + code);
        if (suberror != null) {
            body.put("suberror", suberror);
        }
        return json(status, body).operation("Token");
    }

    private static SimResponse json(int status, Map<String, Object> body) {
        try {
            return SimResponse.json(status, JSON.writeValueAsString(body)).operation("Token")
                    .header("Cache-Control", "no-store, no-cache").header("Pragma", "no-cache");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
