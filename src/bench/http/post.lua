-- wrk script: POST GraphQL requests to /graphql, cycling through the JSON bodies in the file named by BODIES
-- (one request body per line), so that a run covers many papers rather than one cached answer.
local bodies = {}
for line in io.lines(os.getenv("BODIES")) do
  if #line > 0 then bodies[#bodies + 1] = line end
end
assert(#bodies > 0, "no request bodies in " .. tostring(os.getenv("BODIES")))

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"

local next_body = 0
request = function()
  next_body = next_body % #bodies + 1
  return wrk.format(nil, "/graphql", nil, bodies[next_body])
end

-- a GraphQL error answers 200 too: count responses that carry "errors" so a broken run cannot pass for a fast one
-- (each wrk thread runs its own Lua state; done() collects the counts through the thread objects)
local threads = {}
setup = function(thread) threads[#threads + 1] = thread end

errors = 0
response = function(status, headers, body)
  if status ~= 200 or string.find(body, '"errors"', 1, true) then errors = errors + 1 end
end

done = function(summary, latency, requests)
  local failed = 0
  for _, thread in ipairs(threads) do failed = failed + thread:get("errors") end
  io.write(string.format("RESULT requests=%d rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f failed=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, failed))
end
