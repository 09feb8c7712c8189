-- wrk script: the planning server function for the window in the BODY environment variable
-- (JSON, e.g. {"from":"2026-11-01","to":"2027-01-01"}), compressed as a browser asks.
wrk.method = "POST"
wrk.body = os.getenv("BODY")
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept-Encoding"] = "br, gzip"
