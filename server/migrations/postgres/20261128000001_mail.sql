-- Email (SPEC C8): each organisation's sending settings (the SMTP password sealed with the server's
-- key), its edited templates (defaults live in the code), and the outbox — every message is written
-- here before any network attempt. Scheduling times are integer milliseconds since 1970 (UTC) so the
-- worker compares numbers on both databases.

CREATE TABLE mail_settings (
    organisation_id TEXT PRIMARY KEY REFERENCES organisations (id) ON DELETE CASCADE,
    settings TEXT NOT NULL,
    sealed_password BYTEA,
    version BIGINT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE mail_templates (
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL,
    lang TEXT NOT NULL CHECK (lang IN ('fr', 'en')),
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    version BIGINT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (organisation_id, purpose, lang)
);

CREATE TABLE outbox_messages (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL,
    status TEXT NOT NULL
        CHECK (status IN ('held', 'pending', 'sending', 'sent', 'failed', 'cancelled')),
    purpose TEXT,
    sender_name TEXT NOT NULL,
    sender_address TEXT,
    reply_to TEXT,
    recipients TEXT NOT NULL,
    copy_to TEXT,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    message_id_header TEXT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    due_at_ms BIGINT NOT NULL,
    lease_until_ms BIGINT,
    sent_at TIMESTAMPTZ,
    last_failure TEXT,
    version BIGINT NOT NULL,
    UNIQUE (organisation_id, id)
);
CREATE INDEX outbox_due ON outbox_messages (status, due_at_ms);
CREATE INDEX outbox_by_organisation ON outbox_messages (organisation_id, created_at);

CREATE TABLE outbox_attachments (
    organisation_id TEXT NOT NULL,
    message_id TEXT NOT NULL,
    position BIGINT NOT NULL,
    name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    content BYTEA NOT NULL,
    PRIMARY KEY (message_id, position),
    FOREIGN KEY (organisation_id, message_id)
        REFERENCES outbox_messages (organisation_id, id) ON DELETE CASCADE
);
