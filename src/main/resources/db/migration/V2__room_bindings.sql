-- Room bindings: which profile (and calendar folder) serves a room's door signs, and how it is shown.
-- Mail addresses are stored lower-case: they are case-insensitive.
CREATE TABLE room_binding (
    mail            VARCHAR(320) PRIMARY KEY,
    profile_id      UUID         NOT NULL REFERENCES profile (id),
    folder_id       VARCHAR(1024),
    display_name    VARCHAR(200),
    time_zone       VARCHAR(64),
    privacy         VARCHAR(16)  NOT NULL,
    allow_non_room  BOOLEAN      NOT NULL DEFAULT FALSE,
    version         INTEGER      NOT NULL DEFAULT 0,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT room_binding_mail_lower CHECK (mail = lower(mail)),
    CONSTRAINT room_binding_privacy_check CHECK (privacy IN ('SHOW', 'MASK_PRIVATE', 'BUSY_ONLY'))
);
CREATE INDEX room_binding_profile ON room_binding (profile_id);

-- Every replica keeps bindings, profiles and device keys in memory (a door-sign poll never reads the database)
-- and reloads them when told: one notification per changing statement, naming schema and table.
CREATE FUNCTION notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('calendar_gateway_changes', TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME);
    RETURN NULL;
END
$$;

CREATE TRIGGER room_binding_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON room_binding
    FOR EACH STATEMENT EXECUTE FUNCTION notify_change();
CREATE TRIGGER profile_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON profile
    FOR EACH STATEMENT EXECUTE FUNCTION notify_change();
