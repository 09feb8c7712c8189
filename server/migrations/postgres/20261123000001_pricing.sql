-- Pricing (SPEC C5): rate plans in full, their seasons, predefined options (flat fees), tourist
-- taxes, and each organisation's pricing settings. Percentages are stored in hundredths of a point
-- (10,5 % = 1050); money as NUMERIC(12, 2); every change to a plan or its seasons bumps its version.

CREATE TABLE tourist_taxes (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    method TEXT NOT NULL CHECK (method IN ('fixed', 'percentage')),
    amount NUMERIC(12, 2) NOT NULL CHECK (amount >= 0),
    rate BIGINT NOT NULL CHECK (rate BETWEEN 0 AND 10000),
    departmental_rate BIGINT NOT NULL CHECK (departmental_rate BETWEEN 0 AND 100000),
    regional_rate BIGINT NOT NULL CHECK (regional_rate BETWEEN 0 AND 100000),
    version BIGINT NOT NULL,
    UNIQUE (organisation_id, id)
);

CREATE TABLE charge_options (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    label TEXT NOT NULL,
    unit_price NUMERIC(12, 2) NOT NULL CHECK (unit_price >= 0),
    vat_rate BIGINT NOT NULL CHECK (vat_rate BETWEEN 0 AND 10000),
    version BIGINT NOT NULL,
    UNIQUE (organisation_id, id)
);

ALTER TABLE rate_plans
    ADD COLUMN weekly_price NUMERIC(12, 2) CHECK (weekly_price >= 0),
    ADD COLUMN weekend_price NUMERIC(12, 2) CHECK (weekend_price >= 0),
    ADD COLUMN guests_included BIGINT NOT NULL DEFAULT 2 CHECK (guests_included BETWEEN 0 AND 50),
    ADD COLUMN extra_guest_fee NUMERIC(12, 2) NOT NULL DEFAULT 0 CHECK (extra_guest_fee >= 0),
    ADD COLUMN minimum_stay BIGINT CHECK (minimum_stay BETWEEN 1 AND 365),
    ADD COLUMN tourist_tax_id TEXT,
    ADD COLUMN version BIGINT NOT NULL DEFAULT 1,
    ADD FOREIGN KEY (organisation_id, tourist_tax_id) REFERENCES tourist_taxes (organisation_id, id);

ALTER TABLE properties
    ADD COLUMN tourist_tax_id TEXT,
    ADD FOREIGN KEY (organisation_id, tourist_tax_id) REFERENCES tourist_taxes (organisation_id, id);

CREATE TABLE rate_plan_fees (
    organisation_id TEXT NOT NULL,
    rate_plan_id TEXT NOT NULL,
    option_id TEXT NOT NULL,
    PRIMARY KEY (rate_plan_id, option_id),
    FOREIGN KEY (organisation_id, rate_plan_id) REFERENCES rate_plans (organisation_id, id) ON DELETE CASCADE,
    FOREIGN KEY (organisation_id, option_id) REFERENCES charge_options (organisation_id, id) ON DELETE CASCADE
);

CREATE TABLE seasons (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL,
    rate_plan_id TEXT NOT NULL,
    name TEXT NOT NULL,
    first_night DATE NOT NULL,
    last_night DATE NOT NULL,
    nightly_price NUMERIC(12, 2) NOT NULL CHECK (nightly_price >= 0),
    weekly_price NUMERIC(12, 2) CHECK (weekly_price >= 0),
    weekend_price NUMERIC(12, 2) CHECK (weekend_price >= 0),
    minimum_stay BIGINT CHECK (minimum_stay BETWEEN 1 AND 365),
    no_discounts BOOLEAN NOT NULL,
    FOREIGN KEY (organisation_id, rate_plan_id) REFERENCES rate_plans (organisation_id, id) ON DELETE CASCADE,
    CHECK (last_night >= first_night)
);
CREATE INDEX seasons_by_plan ON seasons (rate_plan_id, first_night);

CREATE TABLE pricing_settings (
    organisation_id TEXT PRIMARY KEY REFERENCES organisations (id) ON DELETE CASCADE,
    minimum_stay BIGINT NOT NULL CHECK (minimum_stay BETWEEN 1 AND 365),
    manual_discount_enabled BOOLEAN NOT NULL,
    vat_enabled BOOLEAN NOT NULL,
    vat_rate BIGINT NOT NULL CHECK (vat_rate BETWEEN 0 AND 10000),
    version BIGINT NOT NULL
);

CREATE TABLE duration_discounts (
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    from_nights BIGINT NOT NULL CHECK (from_nights BETWEEN 2 AND 120),
    percent BIGINT NOT NULL CHECK (percent BETWEEN 0 AND 10000),
    PRIMARY KEY (organisation_id, from_nights)
);
