-- wrk script: posts pre-signed Messenger webhooks from scripts/bench/make_bodies.py's file; of n
-- threads, thread k sends records k, k + n, k + 2n, ... The records have one width, so record i
-- starts at i * width, and each thread reads them in blocks as it goes, using every n-th record of
-- a block (the other threads read the same blocks, from the page cache): nothing is loaded up
-- front. (Parsing the whole file took each Lua state about 9 s, and wrk starts its first thread
-- while it still prepares the next: that thread ran alone meanwhile, and what it sent then was
-- counted in the measured window.)
local BLOCK = 4096  -- records per read

local threads = 0
function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

function init(args)
  step = tonumber(os.getenv("BENCH_THREADS") or "1")
  -- BENCH_OFFSET: where in the file this run starts, so a second run sends new messages.
  index = id + tonumber(os.getenv("BENCH_OFFSET") or "0")
  file = assert(io.open(os.getenv("BENCH_BODIES"), "rb"))
  width = #file:read("*l") + 1
  count = math.floor(file:seek("end") / width)
  block, first, last = "", 0, 0  -- the records [first, last) read so far
end

-- Where record i starts in `block`, reading the next block when i is not in it.
local function locate(i)
  if i < first or i >= last then
    first, last = i, math.min(i + BLOCK, count)
    file:seek("set", i * width)
    block = file:read((last - first) * width)
  end
  return (i - first) * width
end

function request()
  -- "sha256=<64 hex>" (71 characters), a tab, the body's length (4 digits), a tab, the body.
  local base = locate(index % count)
  index = index + step
  local length = tonumber(block:sub(base + 73, base + 76))
  return wrk.format("POST", "/webhooks/meta",
    { ["Content-Type"] = "application/json", ["X-Hub-Signature-256"] = block:sub(base + 1, base + 71) },
    block:sub(base + 78, base + 77 + length))
end
