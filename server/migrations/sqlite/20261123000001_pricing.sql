-- Pricing (SPEC C5): rate plans in full, their seasons, predefined options (flat fees), tourist
-- taxes, and each organisation's pricing settings. Percentages are stored in hundredths of a point
-- (10,5 % = 1050); money as INTEGER; every change to a plan or its seasons bumps its version.

CREATE TABLE tourist_taxes (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    method TEXT NOT NULL CHECK (method IN ('fixed', 'percentage')),
    amount INTEGER NOT NULL CHECK (amount >= 0),
    rate INTEGER NOT NULL CHECK (rate BETWEEN 0 AND 10000),
    departmental_rate INTEGER NOT NULL CHECK (departmental_rate BETWEEN 0 AND 100000),
    regional_rate INTEGER NOT NULL CHECK (regional_rate BETWEEN 0 AND 100000),
    version INTEGER NOT NULL,
    UNIQUE (organisation_id, id)
);

CREATE TABLE charge_options (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    label TEXT NOT NULL,
    unit_price INTEGER NOT NULL CHECK (unit_price >= 0),
    vat_rate INTEGER NOT NULL CHECK (vat_rate BETWEEN 0 AND 10000),
    version INTEGER NOT NULL,
    UNIQUE (organisation_id, id)
);

-- SQLite cannot add a composite foreign key to an existing table: the stores check that a tourist
-- tax belongs to the organisation before referring to it.
ALTER TABLE rate_plans ADD COLUMN weekly_price INTEGER CHECK (weekly_price >= 0);
ALTER TABLE rate_plans ADD COLUMN weekend_price INTEGER CHECK (weekend_price >= 0);
ALTER TABLE rate_plans ADD COLUMN guests_included INTEGER NOT NULL DEFAULT 2 CHECK (guests_included BETWEEN 0 AND 50);
ALTER TABLE rate_plans ADD COLUMN extra_guest_fee INTEGER NOT NULL DEFAULT 0 CHECK (extra_guest_fee >= 0);
ALTER TABLE rate_plans ADD COLUMN minimum_stay INTEGER CHECK (minimum_stay BETWEEN 1 AND 365);
ALTER TABLE rate_plans ADD COLUMN tourist_tax_id TEXT REFERENCES tourist_taxes (id);
ALTER TABLE rate_plans ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

ALTER TABLE properties ADD COLUMN tourist_tax_id TEXT REFERENCES tourist_taxes (id);

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
    first_night TEXT NOT NULL,
    last_night TEXT NOT NULL,
    nightly_price INTEGER NOT NULL CHECK (nightly_price >= 0),
    weekly_price INTEGER CHECK (weekly_price >= 0),
    weekend_price INTEGER CHECK (weekend_price >= 0),
    minimum_stay INTEGER CHECK (minimum_stay BETWEEN 1 AND 365),
    no_discounts BOOLEAN NOT NULL,
    FOREIGN KEY (organisation_id, rate_plan_id) REFERENCES rate_plans (organisation_id, id) ON DELETE CASCADE,
    CHECK (last_night >= first_night)
);
CREATE INDEX seasons_by_plan ON seasons (rate_plan_id, first_night);

CREATE TABLE pricing_settings (
    organisation_id TEXT PRIMARY KEY REFERENCES organisations (id) ON DELETE CASCADE,
    minimum_stay INTEGER NOT NULL CHECK (minimum_stay BETWEEN 1 AND 365),
    manual_discount_enabled BOOLEAN NOT NULL,
    vat_enabled BOOLEAN NOT NULL,
    vat_rate INTEGER NOT NULL CHECK (vat_rate BETWEEN 0 AND 10000),
    version INTEGER NOT NULL
);

CREATE TABLE duration_discounts (
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    from_nights INTEGER NOT NULL CHECK (from_nights BETWEEN 2 AND 120),
    percent INTEGER NOT NULL CHECK (percent BETWEEN 0 AND 10000),
    PRIMARY KEY (organisation_id, from_nights)
);
