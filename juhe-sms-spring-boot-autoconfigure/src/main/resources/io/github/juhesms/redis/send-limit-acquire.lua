-- Check every rule of a number and every spend cap and, if all allow it, record one send
-- and take its units from the caps: one atomic step, one round trip.
-- KEYS[1]: sorted set of the number's send times (member: permit id, score: epoch millis)
-- KEYS[2..]: one hash per spend cap, p = its period's start (epoch millis), u = units used
-- ARGV[1]: permit id, ARGV[2]: longest window (ms), ARGV[3]: number of rules n,
-- then n count, window (ms) pairs, then per cap: period (h, d or m), limit, units
-- Now is the server's time, not a caller's: instances whose clocks differ still share
-- one window and one period. (Redis 5 and later replicate a script by its effects, so a
-- script that writes may read TIME.) The caps' periods are calendar hours, days and
-- months in China (UTC+8, no daylight saving).
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local HOUR, DAY, OFFSET = 3600000, 86400000, 8 * 3600000

-- Howard Hinnant's civil calendar algorithms, for days since 1970-01-01.
local function daysFromCivil(y, m)
  if m <= 2 then y = y - 1 end
  local era = math.floor(y / 400)
  local yoe = y - era * 400
  local mp = (m > 2) and (m - 3) or (m + 9)
  local doy = math.floor((153 * mp + 2) / 5)
  local doe = yoe * 365 + math.floor(yoe / 4) - math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
end

local function civilFromDays(days)
  local z = days + 719468
  local era = math.floor(z / 146097)
  local doe = z - era * 146097
  local yoe = math.floor((doe - math.floor(doe / 1460) + math.floor(doe / 36524) - math.floor(doe / 146096)) / 365)
  local y = yoe + era * 400
  local doy = doe - (365 * yoe + math.floor(yoe / 4) - math.floor(yoe / 100))
  local mp = math.floor((5 * doy + 2) / 153)
  local m = (mp < 10) and (mp + 3) or (mp - 9)
  if m <= 2 then y = y + 1 end
  return y, m
end

local function period(code)
  if code == 'h' then
    local start = math.floor(now / HOUR) * HOUR
    return start, start + HOUR
  end
  local day = math.floor((now + OFFSET) / DAY)
  if code == 'd' then
    return day * DAY - OFFSET, (day + 1) * DAY - OFFSET
  end
  local y, m = civilFromDays(day)
  local ny, nm = y, m + 1
  if nm > 12 then ny, nm = y + 1, 1 end
  return daysFromCivil(y, m) * DAY - OFFSET, daysFromCivil(ny, nm) * DAY - OFFSET
end

local rules = tonumber(ARGV[3])
local longest = tonumber(ARGV[2])
if rules > 0 then
  redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - longest)
  local refusedCount, refusedWindow, retryAt = 0, 0, -1
  for i = 4, 3 + rules * 2, 2 do
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
end

local first = 4 + rules * 2
local starts, resets, used, units = {}, {}, {}, {}
local refused = 0
for i = 2, #KEYS do
  local arg = first + (i - 2) * 3
  local start, reset = period(ARGV[arg])
  local stored = redis.call('HMGET', KEYS[i], 'p', 'u')
  local taken = 0
  if stored[1] and tonumber(stored[1]) == start then
    taken = tonumber(stored[2])
  end
  starts[i], resets[i], used[i], units[i] = start, reset, taken, tonumber(ARGV[arg + 2])
  -- of several caps without room, the one that resets last says when a send may go
  if taken + units[i] > tonumber(ARGV[arg + 1]) and (refused == 0 or reset > resets[refused + 1]) then
    refused = i - 1
  end
end
local answer = {1}
if refused > 0 then
  answer = {2, refused}
else
  if rules > 0 then
    redis.call('ZADD', KEYS[1], now, ARGV[1])
    redis.call('PEXPIRE', KEYS[1], longest)
  end
  for i = 2, #KEYS do
    used[i] = used[i] + units[i]
    redis.call('HSET', KEYS[i], 'p', string.format('%d', starts[i]), 'u', string.format('%d', used[i]))
    redis.call('PEXPIREAT', KEYS[i], resets[i])
  end
end
for i = 2, #KEYS do
  answer[#answer + 1] = starts[i]
  answer[#answer + 1] = used[i]
  answer[#answer + 1] = resets[i]
end
return answer
