-- Shared by the bench scripts: thread numbering and the RESULT line ShopBench reads (latencies in microseconds).
local common = {}

-- wrk runs one Lua state per thread; setup() runs in the main state and numbers the threads, so ids built from
-- thread_no never collide between threads.
local threads = 0
function common.setup(thread)
  threads = threads + 1
  thread:set("thread_no", threads)
end

function common.done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d duration_us=%d non2xx=%d socket_errors=%d p50_us=%d p99_us=%d max_us=%d\n",
                         summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
                         latency:percentile(50), latency:percentile(99), latency.max))
end

return common
