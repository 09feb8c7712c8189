-- Lighter booking rows for the calendar import (issue 7): the customer and group indexes keep only
-- the rows that have one — imported stays have neither, and every lookup by customer or group names
-- one (`customer_id = $2` implies `IS NOT NULL`, which SQLite's planner knows). (PostgreSQL also
-- drops the foreign key `bookings → organisations`, implied by `bookings → properties`; SQLite cannot
-- drop a constraint without rebuilding the table, and its foreign keys cost little.)

DROP INDEX bookings_by_customer;
CREATE INDEX bookings_by_customer ON bookings (organisation_id, customer_id)
    WHERE customer_id IS NOT NULL;

DROP INDEX bookings_by_group;
CREATE INDEX bookings_by_group ON bookings (organisation_id, group_id) WHERE group_id IS NOT NULL;
