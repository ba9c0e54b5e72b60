-- wrk script: posts pre-signed Messenger webhooks, each thread walking its own slice of the file.
local bodies = {}
for line in io.lines(os.getenv("BENCH_BODIES")) do
  local tab = line:find("\t", 1, true)
  bodies[#bodies + 1] = { line:sub(1, tab - 1), line:sub(tab + 1) }
end

local threads, counter = 0, 0
function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

function init(args)
  step = tonumber(os.getenv("BENCH_THREADS") or "1")
  -- BENCH_OFFSET: where in the file this run starts, so a second run sends new messages.
  index = id + tonumber(os.getenv("BENCH_OFFSET") or "0")
end

function request()
  local entry = bodies[(index % #bodies) + 1]
  index = index + step
  return wrk.format("POST", "/webhooks/meta",
    { ["Content-Type"] = "application/json", ["X-Hub-Signature-256"] = entry[1] }, entry[2])
end
