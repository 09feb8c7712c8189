-- Service providers (SPEC C11, "Planning confidentiel des prestataires"): cleaning, linen, maintenance
-- or other people who see, for the properties they serve only, arrivals, departures, turnover windows,
-- guest counts and the notes written for them. A provider may be tied to a user account of role
-- `provider` (one provider per account); each has one secret link (256-bit, URL-safe, unique) for its
-- planning page and its .ics feed — renewing it replaces the secret, so the old address answers 404.
-- Bookings get `provider_notes`, distinct from their private notes.

CREATE UNIQUE INDEX users_by_organisation_and_id ON users (organisation_id, id);

CREATE TABLE providers (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('cleaning', 'linen', 'maintenance', 'other')),
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    user_id TEXT,
    token TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    UNIQUE (organisation_id, id),
    FOREIGN KEY (organisation_id, user_id) REFERENCES users (organisation_id, id)
);
CREATE UNIQUE INDEX providers_by_user ON providers (user_id) WHERE user_id IS NOT NULL;
CREATE INDEX providers_by_organisation ON providers (organisation_id, name);

CREATE TABLE provider_properties (
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    provider_id TEXT NOT NULL,
    property_id TEXT NOT NULL,
    PRIMARY KEY (organisation_id, provider_id, property_id),
    FOREIGN KEY (organisation_id, provider_id) REFERENCES providers (organisation_id, id) ON DELETE CASCADE,
    FOREIGN KEY (organisation_id, property_id) REFERENCES properties (organisation_id, id) ON DELETE CASCADE
);

ALTER TABLE bookings ADD COLUMN provider_notes TEXT NOT NULL DEFAULT '';
