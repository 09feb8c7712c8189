-- Contracts (SPEC C6): the organisation's contract settings (JSON), its logo and scanned signature,
-- and each booking's contract as edited text blocks (JSON), kept with the booking (a group's under
-- the booking it was opened from).

CREATE TABLE contract_settings (
    organisation_id TEXT PRIMARY KEY REFERENCES organisations (id) ON DELETE CASCADE,
    settings TEXT NOT NULL,
    version INTEGER NOT NULL
);

CREATE TABLE organisation_images (
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('logo', 'signature')),
    format TEXT NOT NULL CHECK (format IN ('png', 'jpg', 'svg')),
    bytes BLOB NOT NULL,
    PRIMARY KEY (organisation_id, kind)
);

CREATE TABLE contracts (
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    booking_id TEXT NOT NULL,
    lang TEXT NOT NULL,
    manual_deposit TEXT NOT NULL,
    blocks TEXT NOT NULL,
    version INTEGER NOT NULL,
    generated_at TEXT NOT NULL,
    PRIMARY KEY (organisation_id, booking_id)
);
