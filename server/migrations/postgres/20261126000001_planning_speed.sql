-- The planning reads a window of bars from one covering index: the guest's name is copied onto the
-- booking (kept in step by every write of a booking or a customer, `db::bookings::REFRESH_GUEST_NAMES`),
-- so no join and no table lookup is needed per bar.
ALTER TABLE bookings ADD COLUMN guest_name TEXT NOT NULL DEFAULT '';
UPDATE bookings SET guest_name = COALESCE((SELECT c.name FROM customers c
    WHERE c.organisation_id = bookings.organisation_id AND c.id = bookings.customer_id), '');
DROP INDEX bookings_by_window;
CREATE INDEX bookings_planning ON bookings (organisation_id, departure)
    INCLUDE (arrival, property_id, status_id, guest_name, version, price, id);
