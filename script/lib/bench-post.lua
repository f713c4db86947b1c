-- bench-post.lua - wrk script for script/bench: POST the citizens' request
-- form through nginx, each request with its own one-time token (read from
-- the file in BENCH_TOKENS, one per line, fetched from the form first: the
-- server signs them, so wrk cannot make them).  Each thread takes every
-- n-th token; when they run out a token is sent again, which the server
-- answers with the request it already made ("new=again").  done() prints
-- one line: acknowledged new requests (303 to ...?new=1), repeats, other.
local tokens = {}
for line in io.lines(os.getenv("BENCH_TOKENS")) do tokens[#tokens + 1] = line end

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  nthreads = tonumber(os.getenv("BENCH_THREADS") or "2")
  next_i = id
  acked, again, other = 0, 0, 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end

function request()
  local t = tokens[((next_i - 1) % #tokens) + 1]
  next_i = next_i + nthreads
  local body = "token=" .. t .. "&category=3&consent=1" ..
    "&address=%CE%95%CF%81%CE%BC%CE%BF%CF%8D+1" ..
    "&description=%CE%A3%CF%80%CE%B1%CF%83%CE%BC%CE%AD%CE%BD%CE%BF+%CF%80%CE%B1%CE%B3%CE%BA%CE%AC%CE%BA%CE%B9"
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  local loc = headers["Location"] or headers["location"] or ""
  if status == 303 and loc:find("new=1", 1, true) then acked = acked + 1
  elseif status == 303 then again = again + 1
  else other = other + 1 end
end

done = function(summary, latency, requests)
  local a, g, o = 0, 0, 0
  for _, t in ipairs(threads) do
    a = a + t:get("acked"); g = g + t:get("again"); o = o + t:get("other")
  end
  local e = summary.errors
  io.write(string.format("BENCH rps=%.1f p50_ms=%.3f p99_ms=%.3f requests=%d errors=%d acked=%d again=%d other=%d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, e.connect + e.read + e.write + e.status + e.timeout, a, g, o))
end
