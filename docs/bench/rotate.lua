-- Rotating three-word searches: nearly every request misses the server's caches.
local words = {"flood","collapse","prison","mining","energy","transport","prosecutor",
  "inquiry","government","damage","evacuated","residents","volunteers","shelters",
  "insurers","journalists","opposition","authorities","committee","analysts","economy",
  "criticism","officials","pressure","holdings","company","executive","recruitment",
  "people","emergency"}
local path = os.getenv("WRK_PATH") or "/search"
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("seed", counter)
end
function init(args)
  math.randomseed(os.time() * 1000 + (seed or 0))
end
request = function()
  local a = words[math.random(#words)]
  local b = words[math.random(#words)]
  local c = words[math.random(#words)]
  return wrk.format("GET", path .. "?q=" .. a .. "+" .. b .. "+" .. c)
end
