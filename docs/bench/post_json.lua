-- wrk script: every request is a JSON POST with an empty object (a server function without arguments).
wrk.method = "POST"
wrk.body = "{}"
wrk.headers["Content-Type"] = "application/json"
