-- wrk script: a different keyword on every request (数据集<n>, n never repeating within a run),
-- so no search result can come from the cache; filters as given in the URL. Reports like
-- catalog-search.lua.
local threads = 0
function setup(thread)
  thread:set("offset", threads)
  threads = threads + 1
end

local function encode(text)
  return (text:gsub("[^%w%-_.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local n = 0
function request()
  n = n + 1
  local keyword = "数据集" .. tostring(n * 2 + offset)
  return wrk.format(nil, wrk.path .. "&q=" .. encode(keyword))
end

dofile("bench/catalog-search.lua")
