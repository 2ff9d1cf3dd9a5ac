package io.calendargateway.profile;

import io.calendargateway.error.Problem;
import io.calendargateway.error.ProblemException;
import io.calendargateway.error.WriteConflicts;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Stores connection profiles. Secrets are encrypted before they reach the entity and never leave this class in
 * clear, except through {@link #decryptedSecrets(Profile)} for the code that signs in to Exchange.
 */
@ApplicationScoped
public class ProfileService {

    private static final Logger LOG = Logger.getLogger(ProfileService.class);
    static final String GRAPH_DEFAULT_URL = "https://graph.microsoft.com/v1.0";
    static final String DEFAULT_AUTHORITY = "https://login.microsoftonline.com";

    private final ProfileRepository repository;
    private final SecretCipher cipher;
    private final Event<ProfileChanged> changed;

    /** The room bindings' table, schema-qualified: native queries do not get Hibernate's default schema. */
    private final String bindingTable;

    public ProfileService(ProfileRepository repository, SecretCipher cipher, Event<ProfileChanged> changed,
                          @ConfigProperty(name = "gateway.db.schema") String schema) {
        this.repository = repository;
        this.cipher = cipher;
        this.changed = changed;
        this.bindingTable = "\"" + schema.replace("\"", "") + "\".room_binding";
    }

    @WithSession
    public Uni<List<Profile>> list() {
        return repository.listByName();
    }

    @WithSession
    public Uni<Profile> get(String id) {
        UUID uuid = parseId(id);
        return repository.findById(uuid).onItem().ifNull().failWith(() -> notFound(id));
    }

    /**
     * Creates a profile. {@code resolvedServiceUrl} is the EWS URL found by autodiscover when the request gave
     * only {@code autodiscoverEmail}, else null.
     */
    @WithTransaction
    public Uni<Profile> create(ProfileRequest request, String resolvedServiceUrl) {
        ProfileValidator.validate(request, null);
        return repository.findByName(request.name().strip()).flatMap(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(duplicateName(request.name()));
            }
            Profile profile = new Profile();
            profile.id = UUID.randomUUID();
            profile.createdAt = now();
            apply(profile, request, resolvedServiceUrl);
            return repository.persistAndFlush(profile);
        }).onFailure().transform(failure -> writeConflict(failure, request.name()));
    }

    /** Replaces a profile; connections and tokens built from the old settings are dropped after the commit. */
    @WithTransaction
    public Uni<Profile> update(String id, String ifMatch, ProfileRequest request) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return Uni.createFrom().failure(ProblemException.preconditionRequired(
                    "Send If-Match with the profile's ETag (from GET /profiles/" + id + ")"));
        }
        UUID uuid = parseId(id);
        return repository.findById(uuid).onItem().ifNull().failWith(() -> notFound(id)).flatMap(profile -> {
            if (!WriteConflicts.matches(ifMatch, profile.etag())) {
                return Uni.createFrom().failure(ProblemException.preconditionFailed(
                        "The profile changed since it was read: its ETag is now " + profile.etag()
                                + "; read it again and repeat the update"));
            }
            ProfileValidator.validate(request, profile);
            return repository.findByName(request.name().strip()).flatMap(other -> {
                if (other != null && !other.id.equals(profile.id)) {
                    return Uni.createFrom().failure(duplicateName(request.name()));
                }
                apply(profile, request, null);
                return repository.flush().replaceWith(profile);
            });
        }).onFailure().transform(failure -> writeConflict(failure, request.name()));
    }

    /**
     * Two writers raced: the loser of a concurrent update (same ETag) gets 412 like any stale If-Match, the loser
     * of a concurrent create with the same name gets the 409 of a duplicate name.
     */
    private static Throwable writeConflict(Throwable failure, String name) {
        if (WriteConflicts.lostRace(failure)) {
            return ProblemException.preconditionFailed(
                    "The profile was changed by another request at the same time; read it again and repeat");
        }
        return WriteConflicts.violated(failure, "profile_name_unique") ? duplicateName(name) : failure;
    }

    /**
     * Deletes a profile. While rooms are bound to it, only with {@code force}, which removes those bindings too.
     * Bindings are read by SQL here, not through the room code, which depends on profiles and not the other way.
     */
    @WithTransaction
    public Uni<Void> delete(String id, boolean force) {
        UUID uuid = parseId(id);
        return repository.findById(uuid).onItem().ifNull().failWith(() -> notFound(id)).flatMap(profile ->
                Panache.getSession().flatMap(session -> session.createNativeQuery(
                                "SELECT mail FROM " + bindingTable + " WHERE profile_id = :id ORDER BY mail", String.class)
                        .setParameter("id", uuid).getResultList()
                        .flatMap(bound -> {
                            if (!bound.isEmpty() && !force) {
                                return Uni.createFrom().failure(ProblemException.conflict(bound.size()
                                        + " room(s) are bound to this profile (" + String.join(", ", bound)
                                        + "): delete their bindings, or delete with ?force=true to remove them too"));
                            }
                            return session.createNativeQuery("DELETE FROM " + bindingTable + " WHERE profile_id = :id")
                                    .setParameter("id", uuid).executeUpdate()
                                    .flatMap(removed -> repository.delete(profile))
                                    .call(() -> session.flush());
                        })))
                .onFailure(failure -> String.valueOf(failure.getMessage()).contains("room_binding_profile_id_fkey")
                        || (failure.getCause() != null
                                && String.valueOf(failure.getCause().getMessage()).contains("room_binding_profile_id_fkey")))
                .transform(failure -> ProblemException.conflict("A room was bound to this profile at the same time; "
                        + "delete again (with ?force=true to remove its bindings too)"));
    }

    /** Tells whoever holds connections, tokens or caches built from the profile's old settings, after the commit. */
    public void changed(UUID profileId) {
        changed.fireAsync(new ProfileChanged(profileId));
    }

    /**
     * Moves every stored secret to the active key, so that older keys can be removed from configuration. A secret
     * that no configured key can decrypt is left as it is and its profile reported, so one bad row does not stop
     * the rotation of all the others.
     */
    @WithTransaction
    public Uni<ReEncryption> reEncryptAll() {
        return repository.listAll().map(profiles -> {
            int total = 0;
            int rewritten = 0;
            List<UUID> failed = new ArrayList<>();
            for (Profile profile : profiles) {
                try {
                    String password = reEncrypted(profile.passwordEncrypted);
                    String secret = reEncrypted(profile.clientSecretEncrypted);
                    total += (profile.passwordEncrypted == null ? 0 : 1) + (profile.clientSecretEncrypted == null ? 0 : 1);
                    rewritten += changed(profile.passwordEncrypted, password)
                            + changed(profile.clientSecretEncrypted, secret);
                    profile.passwordEncrypted = password;
                    profile.clientSecretEncrypted = secret;
                } catch (SecretCipherException e) {
                    LOG.errorf("Profile %s keeps secrets that cannot be re-encrypted: %s", profile.id, e.getMessage());
                    failed.add(profile.id);
                }
            }
            LOG.infof("Re-encrypted %d of %d stored secrets under key '%s'; %d profiles failed", rewritten, total,
                    cipher.activeKeyId().orElse("?"), failed.size());
            return new ReEncryption(rewritten, total, failed, cipher.activeKeyId().orElse(null));
        });
    }

    private String reEncrypted(String stored) {
        return stored == null ? null : cipher.reEncrypt(stored);
    }

    private static int changed(String before, String after) {
        return before != null && !before.equals(after) ? 1 : 0;
    }

    /** The outcome of {@link #reEncryptAll()}: {@code failed} lists profiles whose secrets no key can decrypt. */
    public record ReEncryption(int reEncrypted, int total, List<UUID> failed, String activeKeyId) {
    }

    /** The clear secrets of a profile, for signing in. Never log or return them. */
    public Secrets decryptedSecrets(Profile profile) {
        return new Secrets(profile.passwordEncrypted == null ? null : cipher.decrypt(profile.passwordEncrypted),
                profile.clientSecretEncrypted == null ? null : cipher.decrypt(profile.clientSecretEncrypted));
    }

    public record Secrets(String password, String clientSecret) {
        @Override
        public String toString() {
            return "Secrets[***]";
        }
    }

    public ProfileView toView(Profile p) {
        return toView(p, List.of());
    }

    /** The profile as shown, with warnings about other profiles claiming its domains. */
    public ProfileView toView(Profile p, List<Profile> all) {
        List<ProfileWarning> warnings = warnings(p);
        for (Profile other : all) {
            if (other.id.equals(p.id)) {
                continue;
            }
            List<String> shared = p.domains.stream().filter(other.domains::contains).toList();
            if (!shared.isEmpty()) {
                boolean otherServes = other.createdAt.isBefore(p.createdAt)
                        || (other.createdAt.isEqual(p.createdAt) && other.id.compareTo(p.id) < 0);
                warnings.add(ProfileWarning.domainOverlap(other, shared, otherServes));
            }
        }
        return new ProfileView(p.id, p.name, p.kind, p.serviceUrl, p.autodiscoverEmail, p.tenantId, p.authorityUrl,
                new ProfileView.Auth(p.authType, p.username, p.domain, p.clientId, p.tokenUrl, p.scope,
                        p.passwordEncrypted != null, p.clientSecretEncrypted != null),
                p.kind == ProfileKind.EWS ? p.access : null, List.copyOf(p.domains), p.timeZone,
                new ProfileView.Tls(p.caBundlePem, p.insecureSkipVerify), p.proxy, p.version, p.createdAt,
                p.updatedAt, warnings);
    }

    /** The profile as shown, with the domain overlaps it has with every stored profile. */
    @WithSession
    public Uni<ProfileView> viewWithOverlaps(Profile p) {
        if (p.domains.isEmpty()) {
            return Uni.createFrom().item(toView(p));
        }
        return repository.listAll().map(all -> toView(p, all));
    }

    /** Warnings shown on every read of the profile; insecure TLS is logged each time too. */
    public List<ProfileWarning> warnings(Profile p) {
        List<ProfileWarning> warnings = new ArrayList<>();
        if (p.authType == AuthType.OAUTH2_PASSWORD) {
            warnings.add(ProfileWarning.LEGACY_PASSWORD_GRANT);
        }
        if (isExchangeOnlineEws(p)) {
            warnings.add(ProfileWarning.EXCHANGE_ONLINE_EWS);
        }
        if (p.insecureSkipVerify) {
            warnings.add(ProfileWarning.INSECURE_TLS);
            LOG.warnf("Profile '%s' (%s) has TLS certificate verification turned off", p.name, p.id);
        }
        if (p.serviceUrl != null && p.serviceUrl.toLowerCase(Locale.ROOT).startsWith("http:")) {
            warnings.add(ProfileWarning.PLAIN_HTTP);
        }
        return warnings;
    }

    static boolean isExchangeOnlineEws(Profile p) {
        if (p.kind != ProfileKind.EWS) {
            return false;
        }
        if (p.authType.isOAuth()) {
            return true;
        }
        String host = p.serviceUrl == null ? "" : hostOf(p.serviceUrl);
        return host.endsWith("office365.com") || host.endsWith("outlook.office.com");
    }

    private void apply(Profile profile, ProfileRequest request, String resolvedServiceUrl) {
        ProfileRequest.Auth auth = request.auth();
        ProfileKind previousKind = profile.kind;
        profile.name = request.name().strip();
        profile.kind = request.kind();
        String serviceUrl = trimmed(request.serviceUrl());
        if (serviceUrl == null) {
            // GRAPH: the public cloud; EWS: what autodiscover found now, else (on update) the URL found before
            serviceUrl = request.kind() == ProfileKind.GRAPH ? GRAPH_DEFAULT_URL
                    : resolvedServiceUrl != null ? resolvedServiceUrl
                    : previousKind == ProfileKind.EWS ? profile.serviceUrl : null;
        }
        if (serviceUrl == null) {
            throw ProblemException.invalid(List.of(new Problem.FieldError("serviceUrl",
                    "required: autodiscover runs only when a profile is created")));
        }
        profile.serviceUrl = serviceUrl;
        profile.autodiscoverEmail = trimmed(request.autodiscoverEmail());
        profile.tenantId = trimmed(request.tenantId());
        profile.authorityUrl = trimmed(request.authorityUrl());
        if (profile.authorityUrl == null && auth.type().isOAuth()) {
            profile.authorityUrl = DEFAULT_AUTHORITY;
        }
        if (auth.type() != profile.authType && profile.authType != null) {
            // a different way of signing in: secrets of the old one must not linger
            if (!ProfileValidator.needsPassword(auth.type())) {
                profile.passwordEncrypted = null;
            }
            if (!auth.type().isOAuth()) {
                profile.clientSecretEncrypted = null;
            }
        }
        profile.authType = auth.type();
        profile.username = trimmed(auth.username());
        profile.domain = trimmed(auth.domain());
        profile.clientId = trimmed(auth.clientId());
        profile.tokenUrl = trimmed(auth.tokenUrl());
        profile.scope = trimmed(auth.scope());
        if (ProfileValidator.present(auth.password())) {
            profile.passwordEncrypted = cipher.encrypt(auth.password());
        }
        if (ProfileValidator.present(auth.clientSecret())) {
            profile.clientSecretEncrypted = cipher.encrypt(auth.clientSecret());
        }
        profile.access = request.access() == null || request.kind() == ProfileKind.GRAPH
                ? Access.IMPERSONATION : request.access();
        profile.domains = request.domains() == null ? new ArrayList<>() : new ArrayList<>(request.domains().stream()
                .map(d -> d.strip().toLowerCase(Locale.ROOT)).distinct().toList());
        profile.timeZone = trimmed(request.timeZone());
        profile.caBundlePem = request.tls() == null ? null : trimmed(request.tls().caBundlePem());
        profile.insecureSkipVerify = request.tls() != null && Boolean.TRUE.equals(request.tls().insecureSkipVerify());
        profile.proxy = trimmed(request.proxy());
        profile.updatedAt = now();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String hostOf(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? "" : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound(id);
        }
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("No profile with id " + id);
    }

    private static ProblemException duplicateName(String name) {
        return ProblemException.conflict("A profile named '" + name.strip() + "' already exists");
    }
}
