-- Give back a send: its permit and the units it took from spend caps, in the periods it
-- took them from (a period that has ended since is left alone). One round trip.
-- KEYS[1]: the number's sorted set of sends, KEYS[2..]: the caps' hashes
-- ARGV[1]: permit id, then per cap: its period's start (epoch millis), units
redis.call('ZREM', KEYS[1], ARGV[1])
for i = 2, #KEYS do
  local stored = redis.call('HGET', KEYS[i], 'p')
  if stored and tonumber(stored) == tonumber(ARGV[i * 2 - 2]) then
    local left = redis.call('HINCRBY', KEYS[i], 'u', -tonumber(ARGV[i * 2 - 1]))
    if left < 0 then
      redis.call('HSET', KEYS[i], 'u', 0)
    end
  end
end
return 1
