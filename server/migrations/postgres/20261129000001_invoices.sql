-- Invoices, credit notes and payments (SPEC C7). An invoice's printable content (issuer, customer's
-- address, lines, mentions…) is one JSON document: frozen, with its number and date, once issued —
-- triggers refuse any later change or deletion. Numbers come from one counter row per issuer series
-- and year, taken in the issuing transaction, so they never skip or repeat.

CREATE TABLE billing_settings (
    organisation_id TEXT PRIMARY KEY REFERENCES organisations (id) ON DELETE CASCADE,
    settings TEXT NOT NULL,
    version BIGINT NOT NULL
);

CREATE TABLE invoice_series (
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    series TEXT NOT NULL,
    year INTEGER NOT NULL,
    last_number BIGINT NOT NULL,
    PRIMARY KEY (organisation_id, series, year)
);

CREATE TABLE invoices (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
    series TEXT NOT NULL,
    number TEXT,
    invoice_date DATE NOT NULL,
    booking_id TEXT,
    corrects_id TEXT,
    customer_name TEXT NOT NULL,
    total NUMERIC(12, 2) NOT NULL,
    remaining NUMERIC(12, 2) NOT NULL,
    paid_on DATE,
    document TEXT NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
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
    paid_on DATE NOT NULL,
    amount NUMERIC(12, 2) NOT NULL CHECK (amount > 0),
    mode TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    FOREIGN KEY (organisation_id, invoice_id) REFERENCES invoices (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX invoice_payments_by_invoice ON invoice_payments (organisation_id, invoice_id);

CREATE FUNCTION refuse_issued_invoice_change() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'an issued invoice cannot be deleted';
    END IF;
    IF NEW.document IS DISTINCT FROM OLD.document OR NEW.number IS DISTINCT FROM OLD.number
        OR NEW.series IS DISTINCT FROM OLD.series OR NEW.invoice_date IS DISTINCT FROM OLD.invoice_date
        OR NEW.kind IS DISTINCT FROM OLD.kind THEN
        RAISE EXCEPTION 'an issued invoice cannot be changed';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER issued_invoices_are_frozen BEFORE UPDATE OR DELETE ON invoices
FOR EACH ROW WHEN (OLD.number IS NOT NULL) EXECUTE FUNCTION refuse_issued_invoice_change();
