//! The independent check of calendars Saison writes: Python's `icalendar` (PyPI) re-reads them with
//! `tests/data/validate_ical.py`, which also checks every event is all-day with a UID and DTSTAMP.

/// The events of `body` as Python's `icalendar` reads them: (uid, start, end, summary); `None` when
/// Python's `icalendar` is missing here (required when `SAISON_REQUIRE_ICAL_VALIDATOR` is set, as
/// in CI).
pub fn independently_read(body: &str) -> Option<Vec<(String, String, String, String)>> {
    let python_has_icalendar = std::process::Command::new("python3")
        .args(["-c", "import icalendar"])
        .status()
        .is_ok_and(|status| status.success());
    if !python_has_icalendar {
        assert!(
            std::env::var_os("SAISON_REQUIRE_ICAL_VALIDATOR").is_none(),
            "Python's icalendar is required here (.ci/tools installs it)"
        );
        eprintln!("Python's icalendar is missing: independent check skipped");
        return None;
    }
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("export.ics");
    std::fs::write(&path, body).unwrap_or_else(|e| panic!("{e}"));
    let script = format!("{}/tests/data/validate_ical.py", env!("CARGO_MANIFEST_DIR"));
    let output = std::process::Command::new("python3")
        .arg(script)
        .arg(&path)
        .output()
        .unwrap_or_else(|e| panic!("python3: {e}"));
    assert!(
        output.status.success(),
        "icalendar refused the calendar: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    Some(serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("{e}")))
}
