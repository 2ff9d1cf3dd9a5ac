package io.calendargateway.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP authentication of EWS and autodiscover as IIS and Exchange Online do it: Basic and NTLM (connection
 * based: the handshake and the authenticated identity are kept per TCP connection) for on-premises accounts,
 * Bearer tokens from {@link TokenService} for online tenants.
 */
final class Authenticator {

    /** Who is calling. Exactly one of account (Basic/NTLM/delegated token) or app-only token claims. */
    record Caller(Account account, Tenant tenant, Map<String, Object> token, String appId) {

        boolean appOnly() {
            return token != null && "app".equals(token.get("idtyp"));
        }

        @SuppressWarnings("unchecked")
        List<String> roles() {
            Object r = token == null ? null : token.get("roles");
            return r instanceof List<?> l ? (List<String>) l : List.of();
        }

        /** Name used for throttling: DOMAIN\\user, UPN, or the app id. */
        String name() {
            return account != null ? account.logonName() : appId;
        }
    }

    /** Either a caller or the response to send instead. */
    record Result(Caller caller, SimResponse response) {
    }

    private final Scenario scenario;
    private final TokenService tokens;
    private final List<String> schemes;
    private final Map<String, byte[]> pendingChallenges = lru();
    private final Map<String, Account> ntlmConnections = lru();

    Authenticator(Scenario scenario, TokenService tokens, List<String> schemes) {
        this.scenario = scenario;
        this.tokens = tokens;
        this.schemes = schemes;
    }

    Result authenticate(SimRequest req) {
        String authorization = req.header("Authorization");
        if (authorization == null) {
            Account a = ntlmConnections.get(req.connection());
            if (a != null) {
                return new Result(new Caller(a, a.tenant(), null, null), null);
            }
            return new Result(null, challenge(req, null));
        }
        int space = authorization.indexOf(' ');
        String scheme = space < 0 ? authorization : authorization.substring(0, space);
        String credentials = space < 0 ? "" : authorization.substring(space + 1).trim();
        switch (scheme.toLowerCase(Locale.ROOT)) {
            case "basic" -> {
                return basic(req, credentials);
            }
            case "ntlm", "negotiate" -> {
                return ntlm(req, scheme, credentials);
            }
            case "bearer" -> {
                return bearer(req, credentials);
            }
            default -> {
                return new Result(null, challenge(req, null));
            }
        }
    }

    private Result basic(SimRequest req, String credentials) {
        if (!offers("Basic")) {
            return new Result(null, challenge(req, null));
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return new Result(null, challenge(req, null));
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return new Result(null, challenge(req, null));
        }
        String login = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        String domain = null;
        String user = login;
        int backslash = login.indexOf('\\');
        if (backslash >= 0) {
            domain = login.substring(0, backslash);
            user = login.substring(backslash + 1);
        }
        Optional<Account> account = onPremisesAccount(domain, user);
        if (account.isPresent() && account.get().password().equals(password)) {
            return new Result(new Caller(account.get(), account.get().tenant(), null, null), null);
        }
        return new Result(null, challenge(req, null));
    }

    private Result ntlm(SimRequest req, String scheme, String credentials) {
        if (!offers("NTLM") && !offers("Negotiate")) {
            return new Result(null, challenge(req, null));
        }
        byte[] msg;
        try {
            msg = NtlmServer.decodeHeaderToken(credentials);
        } catch (IllegalArgumentException e) {
            return new Result(null, challenge(req, null));
        }
        int type = NtlmServer.messageType(msg);
        if (type == 1) {
            byte[] serverChallenge = NtlmServer.newServerChallenge();
            pendingChallenges.put(req.connection(), serverChallenge);
            Tenant org = scenario.tenants().stream().filter(t -> !t.online()).findFirst().orElse(null);
            String netbios = org == null ? "WORKGROUP" : org.netbiosDomain();
            String dns = org == null ? "localdomain" : org.primaryDomain();
            byte[] type2 = NtlmServer.challenge(serverChallenge, netbios, "EXCH01", dns);
            SimResponse r = SimResponse.empty(401)
                    .header("WWW-Authenticate", scheme + " " + Base64.getEncoder().encodeToString(type2));
            return new Result(null, r);
        }
        if (type == 3) {
            byte[] serverChallenge = pendingChallenges.remove(req.connection());
            if (serverChallenge != null) {
                NtlmServer.Authenticate auth = NtlmServer.parseAuthenticate(msg);
                Optional<Account> account = onPremisesAccount(auth.domain(), auth.user());
                if (account.isPresent() && NtlmServer.verifyV2(auth, serverChallenge, account.get().password())) {
                    ntlmConnections.put(req.connection(), account.get());
                    return new Result(new Caller(account.get(), account.get().tenant(), null, null), null);
                }
            }
        }
        SimResponse r = challenge(req, null);
        r.closeConnection = true;
        return new Result(null, r);
    }

    private Result bearer(SimRequest req, String token) {
        Optional<Map<String, Object>> verified = tokens.verify(token);
        if (verified.isEmpty()) {
            return new Result(null, bearerChallenge(req, "invalid_token", "2000001;reason=\"The token is malformed"
                    + " or its signature is invalid.\";error_category=\"invalid_token\""));
        }
        Map<String, Object> claims = verified.get();
        if (tokens.expired(claims)) {
            return new Result(null, bearerChallenge(req, "invalid_token",
                    "2000003;reason=\"The token has expired.\";error_category=\"invalid_token\""));
        }
        if (!TokenService.EWS_AUDIENCE.equals(claims.get("aud"))) {
            return new Result(null, bearerChallenge(req, "invalid_token", "2000002;reason=\"The audience claim"
                    + " value is invalid '" + claims.get("aud") + "'.\";error_category=\"invalid_resource\""));
        }
        Optional<Tenant> tenant = scenario.tenant(String.valueOf(claims.get("tid")));
        if (tenant.isEmpty()) {
            return new Result(null, bearerChallenge(req, "invalid_token",
                    "2000005;reason=\"The tenant is unknown.\";error_category=\"invalid_tenant\""));
        }
        String appId = String.valueOf(claims.get("appid"));
        if (!tenant.get().ewsAllowedFor(appId)) {
            return new Result(null, SimResponse.empty(403).header("x-ms-diagnostics",
                    "2000010;reason=\"EWS is disabled for this tenant or application.\";error_category=\"forbidden\""));
        }
        Caller caller;
        if ("app".equals(claims.get("idtyp"))) {
            caller = new Caller(null, tenant.get(), claims, appId);
            if (caller.roles().isEmpty()) {
                return new Result(null, bearerChallenge(req, "invalid_token", "2000008;reason=\"The token contains"
                        + " no permissions, or permissions can not be understood.\";error_category=\"invalid_grant\""));
            }
        } else {
            Optional<Account> account = scenario.accountByUpn(String.valueOf(claims.get("upn")));
            if (account.isEmpty()) {
                return new Result(null, bearerChallenge(req, "invalid_token",
                        "2000004;reason=\"The user is unknown.\";error_category=\"invalid_user\""));
            }
            caller = new Caller(account.get(), tenant.get(), claims, appId);
        }
        return new Result(caller, null);
    }

    private Optional<Account> onPremisesAccount(String domain, String user) {
        return scenario.accountByLogon(domain, user).filter(a -> !a.tenant().online());
    }

    private boolean offers(String scheme) {
        return schemes.stream().anyMatch(s -> s.equalsIgnoreCase(scheme));
    }

    private SimResponse challenge(SimRequest req, String bearerError) {
        SimResponse r = SimResponse.empty(401);
        for (String s : schemes) {
            switch (s.toLowerCase(Locale.ROOT)) {
                case "basic" -> r.header("WWW-Authenticate", "Basic realm=\"" + host(req) + "\"");
                case "bearer" -> r.header("WWW-Authenticate", bearerValue(bearerError));
                default -> r.header("WWW-Authenticate", s);
            }
        }
        return r;
    }

    private SimResponse bearerChallenge(SimRequest req, String error, String diagnostics) {
        return SimResponse.empty(401).header("WWW-Authenticate", bearerValue(error))
                .header("x-ms-diagnostics", diagnostics);
    }

    private static String bearerValue(String error) {
        return "Bearer client_id=\"00000002-0000-0ff1-ce00-000000000000\", trusted_issuers="
                + "\"00000001-0000-0000-c000-000000000000@*\", token_types=\"app_asserted_user_v1"
                + " service_asserted_app_v1\", authorization_uri=\"https://login.microsoftonline.com/common/oauth2/"
                + "authorize\"" + (error == null ? "" : ", error=\"" + error + "\"");
    }

    private static String host(SimRequest req) {
        String h = req.header("Host");
        return h == null ? "127.0.0.1" : h.replaceAll(":\\d+$", "");
    }

    private static <V> Map<String, V> lru() {
        return Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > 2000;
            }
        });
    }
}
