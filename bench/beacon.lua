-- wrk script for bench/beacon.py: exactly HITS beacon POSTs, each from a new visitor, then stop.
--
-- wrk -t1 -cN -dLIMIT -s bench/beacon.lua URL -- PAGE_ID HITS RUN_ID
--
-- Why a quota rather than wrk's usual "as many as fit in -d seconds": the bench checks that
-- exactly the hits sent reach the database, and requests still in flight when a timed run
-- stops may or may not be processed. Here `delay()` hands out HITS requests and then parks
-- every connection; when the last answer arrives the thread stops and wakes wrk's main
-- thread (tgkill SIGINT, which wrk handles as "stop now"), so wrk's duration and
-- Requests/sec cover the quota only. One wrk thread: its event loop sends far more than
-- the app can answer on this machine.
--
-- Every hit carries a visitor cookie never seen before (RUN_ID, 16 hex digits, + a counter),
-- so every hit writes a view, a daily view, a visit, a unique visitor and an online visitor.

local ffi = require("ffi")
ffi.cdef([[
  int getpid(void);
  int tgkill(int tgid, int tid, int sig);
]])

local SIGINT = 2
local PARKED_MS = 3600 * 1000
local BROWSER_UA = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) "
  .. "Chrome/130.0 Mobile Safari/537.36"

local hits, run_id, body
local handed_out, sent, answered = 0, 0, 0
statuses = {}

function init(args)
  hits = tonumber(args[2])
  run_id = args[3]
  body = '{"page": ' .. tonumber(args[1]) .. "}"
end

function delay()
  if handed_out < hits then
    handed_out = handed_out + 1
    return 0
  end
  return PARKED_MS
end

function request()
  sent = sent + 1
  return wrk.format("POST", "/api/beacon/", {
    ["Content-Type"] = "application/json",
    ["User-Agent"] = BROWSER_UA,
    ["Cookie"] = string.format("loa_vid=%s%016x", run_id, sent),
  }, body)
end

function response(status, headers, response_body)
  answered = answered + 1
  local key = tostring(status)
  statuses[key] = (statuses[key] or 0) + 1
  if answered == hits then
    wrk.thread:stop()
    local pid = ffi.C.getpid()
    ffi.C.tgkill(pid, pid, SIGINT)
  end
end

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function done(summary, latency, requests)
  local parts = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      table.insert(parts, string.format('"%s": %d', status, count))
    end
  end
  io.write(string.format(
    'BEACON-JSON {"requests": %d, "duration_us": %d, "statuses": {%s}, "errors": '
      .. '{"connect": %d, "read": %d, "write": %d, "timeout": %d}, '
      .. '"latency_us": {"p50": %d, "p99": %d, "max": %d}}\n',
    summary.requests, summary.duration, table.concat(parts, ", "),
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout,
    latency:percentile(50), latency:percentile(99), latency.max
  ))
end
