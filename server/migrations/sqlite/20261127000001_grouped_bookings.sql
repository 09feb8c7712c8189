-- Grouped bookings (SPEC C4): the bookings of several properties sold together share a group id
-- (common dates, one price, one invoice). A group always has two members or more; a booking taken out
-- of its group gets NULL again. The planning's covering index carries the group so bars can show it.
ALTER TABLE bookings ADD COLUMN group_id TEXT;
CREATE INDEX bookings_by_group ON bookings (organisation_id, group_id);
DROP INDEX bookings_planning;
CREATE INDEX bookings_planning ON bookings
    (organisation_id, departure, arrival, property_id, status_id, guest_name, version, price, group_id, id);
