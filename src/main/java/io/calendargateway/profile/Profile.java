package io.calendargateway.profile;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A connection profile as stored. Secrets are held only in their encrypted form ({@link SecretCipher});
 * {@link #toString()} is not overridden on purpose, so nothing prints field values by accident.
 */
@Entity
@Table(name = "profile")
public class Profile extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProfileKind kind;

    @Column(name = "service_url")
    public String serviceUrl;

    @Column(name = "autodiscover_email")
    public String autodiscoverEmail;

    @Column(name = "tenant_id")
    public String tenantId;

    @Column(name = "authority_url")
    public String authorityUrl;

    @Enumerated(EnumType.STRING)
    @Column(name = "auth_type", nullable = false)
    public AuthType authType;

    @Column(name = "auth_username")
    public String username;

    @Column(name = "auth_domain")
    public String domain;

    @Column(name = "auth_client_id")
    public String clientId;

    @Column(name = "auth_token_url")
    public String tokenUrl;

    @Column(name = "auth_scope")
    public String scope;

    // TEXT columns (V1__profiles.sql): without the definition Hibernate expects varchar(255), and dev mode's
    // schema check reports the difference as an error
    @Column(name = "auth_password_enc", columnDefinition = "text")
    public String passwordEncrypted;

    @Column(name = "auth_client_secret_enc", columnDefinition = "text")
    public String clientSecretEncrypted;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Access access;

    // "_text" is PostgreSQL's own name of text[]: dev mode's schema check compares type names, and the database
    // reports this one
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "_text", nullable = false)
    public List<String> domains = new ArrayList<>();

    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "tls_ca_bundle_pem", columnDefinition = "text")
    public String caBundlePem;

    @Column(name = "tls_insecure_skip_verify", nullable = false)
    public boolean insecureSkipVerify;

    public String proxy;

    @Version
    public int version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** The strong ETag of this state of the profile; it changes with every update. */
    public String etag() {
        return "\"" + id + "-" + version + "\"";
    }
}
