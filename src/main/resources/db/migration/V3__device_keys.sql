-- Device keys of door signs: only a SHA-256 digest of each key is stored; the key itself is shown once.
CREATE TABLE device_key (
    id            UUID         PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    key_sha256    CHAR(64)     NOT NULL,
    key_prefix    VARCHAR(16)  NOT NULL,
    rooms         TEXT[]       NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT device_key_sha256_unique UNIQUE (key_sha256)
);

-- Replicas hold the keys in memory. last_seen_at changes up to once a minute per device and matters to nobody's
-- copy, so only the other columns notify.
CREATE TRIGGER device_key_changed AFTER INSERT OR DELETE OR TRUNCATE ON device_key
    FOR EACH STATEMENT EXECUTE FUNCTION notify_change();
CREATE TRIGGER device_key_updated AFTER UPDATE OF name, key_sha256, rooms ON device_key
    FOR EACH STATEMENT EXECUTE FUNCTION notify_change();
