-- Customers screen and status settings (SPEC C3 statuses, C4 customers, C13 customer export):
-- optimistic versions on statuses and customers (edited from their own screens now), and the indexes
-- behind "may this status be deleted" and "guests with a booking in a year".

ALTER TABLE booking_statuses ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE customers ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

CREATE INDEX bookings_by_status ON bookings (organisation_id, status_id);
CREATE INDEX bookings_by_arrival ON bookings (organisation_id, arrival);
