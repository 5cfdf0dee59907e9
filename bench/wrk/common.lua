-- The RESULT line every bench script prints when wrk ends, read by ShopBench (latencies in microseconds).
local report = {}

function report.done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d duration_us=%d non2xx=%d socket_errors=%d p50_us=%d p99_us=%d max_us=%d\n",
                         summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
                         latency:percentile(50), latency:percentile(99), latency.max))
end

return report
