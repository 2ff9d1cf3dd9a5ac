package io.calendargateway.room;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A room bound to a profile: which calendar folder its door signs show, under which name, zone and privacy. */
@Entity
@Table(name = "room_binding")
public class RoomBinding extends PanacheEntityBase {

    /** The room's mail address, lower-case. */
    @Id
    public String mail;

    @Column(name = "profile_id", nullable = false)
    public UUID profileId;

    /** The calendar folder's id, or null for the primary calendar. */
    @Column(name = "folder_id", length = 1024)
    public String folderId;

    @Column(name = "display_name", length = 200)
    public String displayName;

    @Column(name = "time_zone", length = 64)
    public String timeZone;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Privacy privacy;

    @Column(name = "allow_non_room", nullable = false)
    public boolean allowNonRoom;

    @Version
    public int version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** The strong ETag of this state of the binding. */
    public String etag() {
        return etag(mail, version, updatedAt);
    }

    /** Version and update time: a binding deleted and made again never gets an earlier binding's ETag. */
    static String etag(String mail, int version, OffsetDateTime updatedAt) {
        long micros = updatedAt.toInstant().getEpochSecond() * 1_000_000L + updatedAt.toInstant().getNano() / 1_000;
        return "\"" + mail + "-" + version + "-" + Long.toString(micros, 36) + "\"";
    }
}
