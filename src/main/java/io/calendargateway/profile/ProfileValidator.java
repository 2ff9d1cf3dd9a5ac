package io.calendargateway.profile;

import io.calendargateway.error.Problem.FieldError;
import io.calendargateway.error.ProblemException;

import java.net.URI;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules bean validation cannot express: what each kind and auth type needs, URLs, IANA zones, domains and
 * CA bundles. Every problem names its field; all of them are reported at once.
 */
final class ProfileValidator {

    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]");

    private ProfileValidator() {
    }

    /**
     * @param stored the profile being updated, or null on create: an update may omit secrets that are stored
     */
    static void validate(ProfileRequest request, Profile stored) {
        List<FieldError> errors = new ArrayList<>();
        ProfileRequest.Auth auth = request.auth();
        AuthType type = auth.type();
        boolean passwordKnown = present(auth.password()) || (stored != null && stored.passwordEncrypted != null
                && stored.authType != null && needsPassword(stored.authType));
        boolean secretKnown = present(auth.clientSecret()) || (stored != null && stored.clientSecretEncrypted != null);

        if (request.kind() == ProfileKind.GRAPH) {
            if (type != AuthType.OAUTH2_CLIENT_CREDENTIALS) {
                errors.add(new FieldError("auth.type", "a GRAPH profile signs in with OAUTH2_CLIENT_CREDENTIALS"));
            }
            if (request.access() == Access.DELEGATE) {
                errors.add(new FieldError("access", "access applies to EWS profiles only"));
            }
        } else if (!present(request.serviceUrl()) && !present(request.autodiscoverEmail())) {
            errors.add(new FieldError("serviceUrl", "required for an EWS profile unless autodiscoverEmail is given"));
        }
        checkUrl(errors, "serviceUrl", request.serviceUrl(), true);
        checkUrl(errors, "authorityUrl", request.authorityUrl(), false);
        checkUrl(errors, "auth.tokenUrl", auth.tokenUrl(), true);
        checkUrl(errors, "proxy", request.proxy(), true);
        if (present(request.proxy()) && request.proxy().strip().toLowerCase(Locale.ROOT).startsWith("https:")) {
            errors.add(new FieldError("proxy", "must be an http:// proxy URL (the tunnel to https targets is CONNECT)"));
        }
        if (request.kind() == ProfileKind.EWS && type == AuthType.OAUTH2_CLIENT_CREDENTIALS
                && request.access() == Access.DELEGATE) {
            errors.add(new FieldError("access", "app-only EWS tokens need IMPERSONATION (there is no delegate "
                    + "identity)"));
        }

        switch (type) {
            case BASIC, NTLM -> {
                require(errors, "auth.username", auth.username());
                if (!passwordKnown) {
                    errors.add(new FieldError("auth.password", "required for " + type));
                }
            }
            case OAUTH2_CLIENT_CREDENTIALS, OAUTH2_PASSWORD -> {
                require(errors, "auth.clientId", auth.clientId());
                if (!secretKnown) {
                    errors.add(new FieldError("auth.clientSecret", "required for " + type));
                }
                if (!present(request.tenantId()) && !present(auth.tokenUrl())) {
                    errors.add(new FieldError("tenantId", "required for " + type + " unless auth.tokenUrl is given"));
                }
                if (type == AuthType.OAUTH2_PASSWORD) {
                    require(errors, "auth.username", auth.username());
                    if (!passwordKnown) {
                        errors.add(new FieldError("auth.password", "required for " + type));
                    }
                }
            }
        }
        if (request.timeZone() != null && !ZoneId.getAvailableZoneIds().contains(request.timeZone())) {
            errors.add(new FieldError("timeZone", "not an IANA time zone such as Europe/Berlin"));
        }
        if (request.domains() != null) {
            for (int i = 0; i < request.domains().size(); i++) {
                String domain = request.domains().get(i);
                if (domain != null && !DOMAIN.matcher(domain.strip().toLowerCase(Locale.ROOT)).matches()) {
                    errors.add(new FieldError("domains[" + i + "]", "not a mail domain such as contoso.com"));
                }
            }
        }
        if (request.tls() != null && present(request.tls().caBundlePem())) {
            checkPem(errors, request.tls().caBundlePem());
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    static boolean needsPassword(AuthType type) {
        return type != AuthType.OAUTH2_CLIENT_CREDENTIALS;
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static void require(List<FieldError> errors, String field, String value) {
        if (!present(value)) {
            errors.add(new FieldError(field, "required"));
        }
    }

    private static void checkUrl(List<FieldError> errors, String field, String value, boolean httpAllowed) {
        if (!present(value)) {
            return;
        }
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || (httpAllowed && scheme.equals("http"))) || uri.getHost() == null) {
                errors.add(new FieldError(field, httpAllowed ? "must be an absolute http or https URL"
                        : "must be an absolute https URL"));
            } else if (uri.getUserInfo() != null) {
                errors.add(new FieldError(field, "must not contain credentials"));
            }
        } catch (Exception e) {
            errors.add(new FieldError(field, "not a valid URL"));
        }
    }

    private static void checkPem(List<FieldError> errors, String pem) {
        try {
            CaBundle.parse(pem);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("tls.caBundlePem", e.getMessage()));
        }
    }
}
