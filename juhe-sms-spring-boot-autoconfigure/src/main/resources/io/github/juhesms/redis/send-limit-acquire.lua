-- Check every rule of a number and, if all allow it, record one send: one atomic step.
-- KEYS[1]: sorted set of send times (member: permit id, score: epoch millis)
-- ARGV[1]: permit id, ARGV[2]: longest window (ms), ARGV[3..]: count, window (ms) pairs
-- Now is the server's time, not a caller's: instances whose clocks differ still share
-- one window. (Redis 5 and later replicate a script by its effects, so a script that
-- writes may read TIME.)
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local longest = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - longest)
local refusedCount, refusedWindow, retryAt = 0, 0, -1
for i = 3, #ARGV, 2 do
  local count = tonumber(ARGV[i])
  local window = tonumber(ARGV[i + 1])
  local sends = redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. (now - window), '+inf', 'WITHSCORES')
  local inWindow = #sends / 2
  if inWindow >= count then
    -- the next send is allowed once the oldest of the last `count` sends leaves the window
    local oldest = tonumber(sends[(inWindow - count) * 2 + 2])
    if oldest + window > retryAt then
      retryAt = oldest + window
      refusedCount = count
      refusedWindow = window
    end
  end
end
if retryAt >= 0 then
  return {0, refusedCount, refusedWindow, retryAt}
end
redis.call('ZADD', KEYS[1], now, ARGV[1])
redis.call('PEXPIRE', KEYS[1], longest)
return {1}
