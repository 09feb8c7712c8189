-- wrk script of docs/bench/public_search.sh: each request searches 7 nights from another arrival
-- day (700 of them in turn from FIRST, the two threads 350 days apart), so that the public pages'
-- cache cannot answer it (it keeps 512 searches per organisation, and a day comes back only after
-- 700 other searches). Set by the shell script: the search page's path in PREFIX, the first arrival
-- as a Unix time in FIRST.
local prefix = os.getenv("PREFIX")
local first = tonumber(os.getenv("FIRST"))
local days = 700
local counter = 0

-- Each wrk thread starts at another day.
local threads = 0
function setup(thread)
  thread:set("offset", threads * 350)
  threads = threads + 1
end

function init(args)
  counter = offset or 0
end

request = function()
  counter = (counter + 1) % days
  local arrival = first + counter * 86400
  local path = prefix .. "?arrivee=" .. os.date("!%Y-%m-%d", arrival)
    .. "&depart=" .. os.date("!%Y-%m-%d", arrival + 7 * 86400) .. "&adultes=2"
  return wrk.format("GET", path)
end
