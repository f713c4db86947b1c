-- bench.lua - wrk's done() hook: one machine-readable line for script/bench.
-- Latencies are in microseconds; "errors" counts non-2xx/3xx answers,
-- connect/read/write failures and timeouts.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH rps=%.1f p50_ms=%.3f p99_ms=%.3f requests=%d errors=%d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, e.connect + e.read + e.write + e.status + e.timeout))
end

-- script/bench --scale: with BENCH_RANDOM_FROM and BENCH_RANDOM_TO set,
-- every request asks for another synthetic news item (ids in that range,
-- slugs as script/lib/scale.sql makes them; every 50th is a draft and is
-- skipped), so none is in a worker's cache or nginx's.
local from, to = tonumber(os.getenv("BENCH_RANDOM_FROM")), tonumber(os.getenv("BENCH_RANDOM_TO"))
if from and to then
  math.randomseed(os.time())
  request = function()
    local id = math.random(from, to)
    if (id - 100000) % 50 == 0 then id = id - 1 end
    return wrk.format("GET", string.format("/news/%d-synthetiki-eidisi-%d", id, id - 100000))
  end
end

-- script/bench's "made each time" figures: with BENCH_UNIQUE set, every
-- request's URL gets a query parameter of its own (u=N), so neither
-- nginx's micro-cache nor a worker's copy of the page can answer it and
-- the page's handler runs every time.
if os.getenv("BENCH_UNIQUE") then
  local n = 0
  local sep = string.find(wrk.path, "?", 1, true) and "&" or "?"
  request = function()
    n = n + 1
    return wrk.format(nil, wrk.path .. sep .. "u=" .. n .. "-" .. math.random(1, 1000000000))
  end
end

-- script/bench's memory check: with BENCH_MIX set (paths separated by
-- spaces), the requests go round those paths, each with a query
-- parameter of its own, so every one is made by a worker.
local mix = os.getenv("BENCH_MIX")
if mix then
  local paths, n = {}, 0
  for p in string.gmatch(mix, "%S+") do paths[#paths + 1] = p end
  request = function()
    n = n + 1
    local p = paths[(n % #paths) + 1]
    local sep = string.find(p, "?", 1, true) and "&" or "?"
    return wrk.format("GET", p .. sep .. "u=" .. n .. "-" .. math.random(1, 1000000000))
  end
end
