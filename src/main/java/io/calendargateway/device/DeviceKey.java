package io.calendargateway.device;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A door sign's key as stored: its digest, never the key itself, and the rooms it may read. */
@Entity
@Table(name = "device_key")
public class DeviceKey extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, length = 200)
    public String name;

    /** Hex SHA-256 of the key. */
    @Column(name = "key_sha256", nullable = false, length = 64, columnDefinition = "char(64)")
    public String keySha256;

    /** The key's first characters, to tell keys apart in lists. */
    @Column(name = "key_prefix", nullable = false, length = 16)
    public String keyPrefix;

    /** Room patterns: {@code room1@contoso.com} or {@code *@contoso.com}, lower-case. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]", nullable = false)
    public List<String> rooms = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "last_seen_at")
    public OffsetDateTime lastSeenAt;
}
