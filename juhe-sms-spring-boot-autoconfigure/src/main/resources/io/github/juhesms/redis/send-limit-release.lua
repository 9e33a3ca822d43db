-- Give back the permits of a chunk of sends and the units they took from spend caps, in
-- the periods they took them from (a period that has ended since is left alone). One
-- round trip for the chunk.
-- KEYS: n sorted sets of the numbers' sends, then the caps' hashes (a cap may come once
-- per period its units were taken in)
-- ARGV: n, the n permit ids, then per cap hash: its period's start (epoch millis), units
local n = tonumber(ARGV[1])
for i = 1, n do
  redis.call('ZREM', KEYS[i], ARGV[1 + i])
end
for c = n + 1, #KEYS do
  local arg = 2 + n + (c - n - 1) * 2
  local stored = redis.call('HGET', KEYS[c], 'p')
  if stored and tonumber(stored) == tonumber(ARGV[arg]) then
    local left = redis.call('HINCRBY', KEYS[c], 'u', -tonumber(ARGV[arg + 1]))
    if left < 0 then
      redis.call('HSET', KEYS[c], 'u', 0)
    end
  end
end
return 1
