-- wrk script: each request is GET PATH?q=<next query of QUERIES>&EXTRA, the
-- queries taken in turn from the file named by the QUERIES environment
-- variable (one per line). Used by scripts/bench/http.
local queries = {}
local path = os.getenv("BENCH_PATH") or "/api/v1/search"
local extra = os.getenv("BENCH_EXTRA") or ""
local function encode(text)
  return (text:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end
for line in io.lines(os.getenv("QUERIES")) do
  if line ~= "" then queries[#queries + 1] = encode(line) end
end
local counter = 0
init = function(args)
  -- Threads start at different places in the list.
  counter = math.random(#queries)
end
request = function()
  counter = counter % #queries + 1
  local url = path .. "?q=" .. queries[counter]
  if extra ~= "" then url = url .. "&" .. extra end
  return wrk.format("GET", url)
end
done = function(summary, latency, requests)
  io.write(string.format("BENCH requests=%d errors=%d p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f rps=%.1f\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read +
    summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6)))
end
