-- Bookings in full (SPEC C3-C4): the booking form's fields, the quote the booking was sold at (JSON,
-- so later rate changes never alter it), whether the owner forced a stay the rules refuse. Money as NUMERIC(12, 2), percentages in hundredths of a point.

ALTER TABLE bookings
    ADD COLUMN manual_discount BIGINT NOT NULL DEFAULT 0 CHECK (manual_discount BETWEEN 0 AND 10000),
    ADD COLUMN forfait NUMERIC(12, 2) CHECK (forfait >= 0),
    ADD COLUMN deposit NUMERIC(12, 2) NOT NULL DEFAULT 0 CHECK (deposit >= 0),
    ADD COLUMN tax_by_platform BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN options TEXT NOT NULL DEFAULT '[]',
    ADD COLUMN origin TEXT NOT NULL DEFAULT '',
    ADD COLUMN contract_message TEXT NOT NULL DEFAULT '',
    ADD COLUMN forced BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN quote TEXT;

CREATE INDEX bookings_by_window ON bookings (organisation_id, departure, arrival);
CREATE INDEX bookings_by_customer ON bookings (organisation_id, customer_id);
CREATE INDEX customers_by_name ON customers (organisation_id, name);
