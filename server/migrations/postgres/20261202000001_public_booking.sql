-- Public booking (SPEC C10): one public site per organisation, found by an unguessable key that the
-- manager can renew (the old address then answers 404), with its settings as one JSON document
-- (enabled, statuses of requests and instant bookings, instant homes, conditions) and a version.
-- Which homes are shown is each property's public_listing.

CREATE TABLE public_sites (
    organisation_id TEXT PRIMARY KEY REFERENCES organisations (id) ON DELETE CASCADE,
    token TEXT NOT NULL UNIQUE,
    settings TEXT NOT NULL,
    version BIGINT NOT NULL
);
