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
