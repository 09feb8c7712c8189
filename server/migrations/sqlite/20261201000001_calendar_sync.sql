-- Calendar sync (SPEC C9, seed 004 "Plateformes de réservation"). Import: feeds per property with
-- their platform, the statuses their stays and blocks get, polling state (conditional-GET validators,
-- failures for back-off, next attempt) and health; the bookings a feed imported carry the feed, the
-- event's UID (unique per feed), its summary and a fingerprint of what the feed last said, so an
-- unchanged event changes nothing. A history of changes per feed. Export: one secret link per property
-- and one for the organisation (property_id NULL), with the content's ETag and when it last changed;
-- which statuses block the exported calendars is a setting of each status.

CREATE TABLE sync_feeds (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    property_id TEXT NOT NULL,
    platform TEXT NOT NULL CHECK (platform IN ('airbnb', 'booking', 'vrbo', 'other')),
    url TEXT NOT NULL,
    status_id TEXT NOT NULL,
    block_status_id TEXT NOT NULL,
    interval_minutes INTEGER NOT NULL CHECK (interval_minutes BETWEEN 5 AND 1440),
    etag TEXT,
    last_modified TEXT,
    last_attempt_at TEXT,
    last_success_at TEXT,
    last_error TEXT,
    failures INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    content_hash TEXT,
    events_seen INTEGER NOT NULL DEFAULT 0,
    last_changes INTEGER NOT NULL DEFAULT 0,
    held_cancellations INTEGER NOT NULL DEFAULT 0,
    release_held BOOLEAN NOT NULL DEFAULT FALSE,
    version INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (organisation_id, id),
    FOREIGN KEY (organisation_id, property_id) REFERENCES properties (organisation_id, id) ON DELETE CASCADE,
    FOREIGN KEY (organisation_id, status_id) REFERENCES booking_statuses (organisation_id, id),
    FOREIGN KEY (organisation_id, block_status_id) REFERENCES booking_statuses (organisation_id, id)
);
CREATE INDEX sync_feeds_by_property ON sync_feeds (organisation_id, property_id);
CREATE INDEX sync_feeds_due ON sync_feeds (next_attempt_at);

ALTER TABLE bookings ADD COLUMN feed_id TEXT REFERENCES sync_feeds (id) ON DELETE SET NULL;
ALTER TABLE bookings ADD COLUMN feed_uid TEXT;
ALTER TABLE bookings ADD COLUMN feed_summary TEXT;
ALTER TABLE bookings ADD COLUMN feed_fingerprint TEXT;
ALTER TABLE bookings ADD COLUMN conflict_notified TEXT;
CREATE UNIQUE INDEX bookings_by_feed_event ON bookings (feed_id, feed_uid) WHERE feed_id IS NOT NULL;

CREATE TABLE sync_changes (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    feed_id TEXT NOT NULL REFERENCES sync_feeds (id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    uid TEXT,
    arrival TEXT,
    departure TEXT,
    previous_arrival TEXT,
    previous_departure TEXT,
    summary TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sync_changes_by_feed ON sync_changes (organisation_id, feed_id, at);

CREATE TABLE export_links (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    property_id TEXT,
    token TEXT NOT NULL UNIQUE,
    etag TEXT,
    changed_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    FOREIGN KEY (organisation_id, property_id) REFERENCES properties (organisation_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX export_links_per_property ON export_links (organisation_id, property_id) WHERE property_id IS NOT NULL;
CREATE UNIQUE INDEX export_links_per_organisation ON export_links (organisation_id) WHERE property_id IS NULL;

ALTER TABLE booking_statuses ADD COLUMN blocks_export BOOLEAN NOT NULL DEFAULT TRUE;
