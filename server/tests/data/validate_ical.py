"""Independent check of an exported calendar with Python's `icalendar` (PyPI), used by
server/tests/calendar_export.rs: parses the file strictly, checks every event is an all-day event
with a UID, a DTSTAMP and a departure after its arrival, and prints the events as JSON
([uid, "YYYY-MM-DD", "YYYY-MM-DD", summary]) for the Rust test to compare."""

import datetime
import json
import sys

import icalendar


def main(path: str) -> None:
    with open(path, "rb") as file:
        calendar = icalendar.Calendar.from_ical(file.read())
    assert calendar.get("VERSION") == "2.0", "VERSION"
    assert calendar.get("PRODID"), "PRODID"
    events = []
    uids = set()
    for event in calendar.walk("VEVENT"):
        uid = str(event["UID"])
        assert uid not in uids, f"duplicate UID {uid}"
        uids.add(uid)
        assert event.get("DTSTAMP") is not None, f"{uid}: no DTSTAMP"
        start = event["DTSTART"].dt
        end = event["DTEND"].dt
        for value in (start, end):
            assert isinstance(value, datetime.date) and not isinstance(
                value, datetime.datetime
            ), f"{uid}: not an all-day date"
        assert end > start, f"{uid}: DTEND not after DTSTART"
        events.append([uid, start.isoformat(), end.isoformat(), str(event["SUMMARY"])])
    print(json.dumps(events, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
