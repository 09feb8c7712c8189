-- Invoices, credit notes and payments (SPEC C7). An invoice's printable content (issuer, customer's
-- address, lines, mentions…) is one JSON document: frozen, with its number and date, once issued —
-- triggers refuse any later change or deletion. Numbers come from one counter row per issuer series
-- and year, taken in the issuing transaction, so they never skip or repeat. Money in integer cents.

CREATE TABLE billing_settings (
    organisation_id TEXT PRIMARY KEY REFERENCES organisations (id) ON DELETE CASCADE,
    settings TEXT NOT NULL,
    version INTEGER NOT NULL
);

CREATE TABLE invoice_series (
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    series TEXT NOT NULL,
    year INTEGER NOT NULL,
    last_number INTEGER NOT NULL,
    PRIMARY KEY (organisation_id, series, year)
);

CREATE TABLE invoices (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
    series TEXT NOT NULL,
    number TEXT,
    invoice_date TEXT NOT NULL,
    booking_id TEXT,
    corrects_id TEXT,
    customer_name TEXT NOT NULL,
    total INTEGER NOT NULL,
    remaining INTEGER NOT NULL,
    paid_on TEXT,
    document TEXT NOT NULL,
    version INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (organisation_id, id),
    UNIQUE (organisation_id, series, number),
    FOREIGN KEY (organisation_id, corrects_id) REFERENCES invoices (organisation_id, id)
);
CREATE INDEX invoices_by_booking ON invoices (organisation_id, booking_id);
CREATE INDEX invoices_by_date ON invoices (organisation_id, invoice_date);
CREATE INDEX invoices_by_correction ON invoices (organisation_id, corrects_id);

CREATE TABLE invoice_payments (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL,
    invoice_id TEXT NOT NULL,
    paid_on TEXT NOT NULL,
    amount INTEGER NOT NULL CHECK (amount > 0),
    mode TEXT NOT NULL,
    created_at TEXT NOT NULL,
    FOREIGN KEY (organisation_id, invoice_id) REFERENCES invoices (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX invoice_payments_by_invoice ON invoice_payments (organisation_id, invoice_id);

CREATE TRIGGER issued_invoices_are_frozen BEFORE UPDATE OF document, number, series, invoice_date, kind
ON invoices WHEN OLD.number IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'an issued invoice cannot be changed');
END;

CREATE TRIGGER issued_invoices_are_kept BEFORE DELETE ON invoices WHEN OLD.number IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'an issued invoice cannot be deleted');
END;
