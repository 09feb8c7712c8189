-- Foundation: organisations, users, owners, rate plans, properties, statuses, customers, bookings.
-- Every table carries organisation_id; references between tables include it, so a row can never
-- point at another organisation's row. Money is stored in integer cents.

CREATE TABLE installation (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    set_up_at TEXT NOT NULL
);

CREATE TABLE organisations (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE users (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    email TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'owner', 'provider')),
    password_hash TEXT NOT NULL,
    must_change_password BOOLEAN NOT NULL DEFAULT FALSE,
    session_epoch INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE INDEX users_by_organisation ON users (organisation_id);

CREATE TABLE owners (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    UNIQUE (organisation_id, id)
);

CREATE TABLE rate_plans (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    nightly_price INTEGER NOT NULL CHECK (nightly_price >= 0),
    created_at TEXT NOT NULL,
    UNIQUE (organisation_id, id)
);

CREATE TABLE properties (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    address TEXT NOT NULL,
    capacity INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 50),
    owner_id TEXT,
    rate_plan_id TEXT,
    fixed_price INTEGER CHECK (fixed_price >= 0),
    security_deposit INTEGER NOT NULL CHECK (security_deposit >= 0),
    description TEXT NOT NULL,
    registration_number TEXT,
    classification TEXT NOT NULL,
    principal_residence BOOLEAN NOT NULL,
    public_listing BOOLEAN NOT NULL,
    version INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (organisation_id, id),
    FOREIGN KEY (organisation_id, owner_id) REFERENCES owners (organisation_id, id),
    FOREIGN KEY (organisation_id, rate_plan_id) REFERENCES rate_plans (organisation_id, id),
    CHECK ((rate_plan_id IS NULL) <> (fixed_price IS NULL))
);
CREATE INDEX properties_by_organisation ON properties (organisation_id, name);

CREATE TABLE booking_statuses (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    color TEXT NOT NULL,
    UNIQUE (organisation_id, id)
);

CREATE TABLE customers (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    UNIQUE (organisation_id, id)
);

CREATE TABLE bookings (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    property_id TEXT NOT NULL,
    customer_id TEXT,
    status_id TEXT NOT NULL,
    arrival TEXT NOT NULL,
    departure TEXT NOT NULL,
    adults INTEGER NOT NULL DEFAULT 0,
    children INTEGER NOT NULL DEFAULT 0,
    others INTEGER NOT NULL DEFAULT 0,
    price INTEGER NOT NULL DEFAULT 0,
    notes TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    FOREIGN KEY (organisation_id, property_id) REFERENCES properties (organisation_id, id) ON DELETE CASCADE,
    FOREIGN KEY (organisation_id, customer_id) REFERENCES customers (organisation_id, id),
    FOREIGN KEY (organisation_id, status_id) REFERENCES booking_statuses (organisation_id, id),
    CHECK (departure > arrival)
);
CREATE INDEX bookings_by_property ON bookings (organisation_id, property_id, arrival);
