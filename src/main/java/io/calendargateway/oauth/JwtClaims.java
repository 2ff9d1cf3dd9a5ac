package io.calendargateway.oauth;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The claims of an access token that diagnostics need, read WITHOUT verifying the signature: only for explaining
 * failures (an app-only token without {@code roles} means admin consent is missing), never for trust decisions.
 *
 * @param roles application permissions ({@code full_access_as_app}, {@code Calendars.Read}); empty when not consented
 * @param scopes delegated permissions from {@code scp}
 * @param tenantId {@code tid}
 * @param audience {@code aud}: a string or an array in the token
 * @param appId {@code appid} (v1 tokens) or {@code azp} (v2)
 * @param expiresAt {@code exp}, or null
 */
public record JwtClaims(List<String> roles, List<String> scopes, String tenantId, List<String> audience, String appId,
        Instant expiresAt) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** @throws IllegalArgumentException when the token is not a JWT with a JSON payload (the message omits it) */
    public static JwtClaims decode(String jwt) {
        String[] parts = jwt == null ? new String[0] : jwt.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("The access token is not a JWT");
        }
        JsonNode payload;
        try {
            payload = JSON.readTree(new String(java.util.Base64.getUrlDecoder().decode(parts[1]),
                    StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalArgumentException("The access token's payload is not base64url JSON");
        }
        if (payload == null || !payload.isObject()) {
            throw new IllegalArgumentException("The access token's payload is not a JSON object");
        }
        JsonNode exp = payload.get("exp");
        String scp = text(payload, "scp");
        return new JwtClaims(
                strings(payload.get("roles")),
                scp == null || scp.isBlank() ? List.of() : List.of(scp.trim().split("\\s+")),
                text(payload, "tid"),
                strings(payload.get("aud")),
                text(payload, "appid") != null ? text(payload, "appid") : text(payload, "azp"),
                exp != null && exp.canConvertToLong() ? Instant.ofEpochSecond(exp.asLong()) : null);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    private static List<String> strings(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (node.isArray()) {
            List<String> values = new ArrayList<>();
            node.forEach(n -> values.add(n.asText()));
            return List.copyOf(values);
        }
        return List.of(node.asText());
    }

    private static String text(JsonNode json, String field) {
        JsonNode node = json.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }
}
