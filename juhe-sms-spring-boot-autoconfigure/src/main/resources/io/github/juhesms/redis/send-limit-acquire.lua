-- Check a chunk of numbers against their rules and the spend caps and record each number
-- the rules and the caps allow, in order: one atomic step, one round trip for the chunk.
-- In claim mode the script first claims an idempotency key (SET NX): if the key is
-- taken, it answers what the key holds and records nothing.
-- ARGV[1]: 'claim' or 'admit'. In claim mode KEYS[1] is the idempotency key, ARGV[2] the
-- claim to store and ARGV[3] the key's window (ms); the arguments below follow them.
-- KEYS: n sorted sets of the numbers' send times (member: permit id, score: epoch
-- millis), then one hash per spend cap, p = its period's start (epoch millis), u = units
-- ARGV: n, longest window (ms), number of rules r, then r count, window (ms) pairs, then
-- per cap: period (h, d or m), limit, units per number, then the n permit ids
-- Answer: {-1, stored} when the key is taken, else for each cap its
-- period's start, units used before the chunk and reset, then per number in order 1
-- (recorded), 0 count window retryAt (refused by a rule) or 2 index (refused by cap
-- index, 1-based: the numbers after it are left unchecked).
-- Now is the server's time, not a caller's: instances whose clocks differ still share
-- one window and one period. (Redis 5 and later replicate a script by its effects, so a
-- script that writes may read TIME.) The caps' periods are calendar hours, days and
-- months in China (UTC+8, no daylight saving).
local k0, a0 = 0, 1
if ARGV[1] == 'claim' then
  if not redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3], 'NX') then
    return {-1, redis.call('GET', KEYS[1])}
  end
  k0, a0 = 1, 3
end
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

local rules = tonumber(ARGV[a0 + 3])
local n = tonumber(ARGV[a0 + 1])
local longest = tonumber(ARGV[a0 + 2])
local firstRule = a0 + 4
local firstCap = firstRule + rules * 2
local caps = #KEYS - k0 - n
local firstPermit = firstCap + caps * 3

local starts, resets, used, units, limits = {}, {}, {}, {}, {}
local answer, recorded = {}, 0
for c = 1, caps do
  local arg = firstCap + (c - 1) * 3
  local start, reset = period(ARGV[arg])
  local stored = redis.call('HMGET', KEYS[k0 + n + c], 'p', 'u')
  local taken = 0
  if stored[1] and tonumber(stored[1]) == start then
    taken = tonumber(stored[2])
  end
  starts[c], resets[c], used[c] = start, reset, taken
  limits[c], units[c] = tonumber(ARGV[arg + 1]), tonumber(ARGV[arg + 2])
  answer[#answer + 1] = start
  answer[#answer + 1] = taken
  answer[#answer + 1] = reset
end

for i = 1, n do
  local key = KEYS[k0 + i]
  local retryAt = -1
  if rules > 0 then
    -- the number's sends, oldest first: one read for every rule; those past the longest
    -- window are dropped, and never counted, since the rules look at the newest ones
    local sends = redis.call('ZRANGE', key, 0, -1, 'WITHSCORES')
    local kept = #sends / 2
    if kept > 0 and tonumber(sends[2]) <= now - longest then
      redis.call('ZREMRANGEBYSCORE', key, '-inf', now - longest)
    end
    local refusedCount, refusedWindow = 0, 0
    for r = firstRule, firstCap - 1, 2 do
      local count = tonumber(ARGV[r])
      local window = tonumber(ARGV[r + 1])
      -- the window holds `count` sends or more when the last `count` sends are all in it;
      -- the next send is allowed once the oldest of them leaves the window
      local oldest = (kept >= count) and tonumber(sends[(kept - count) * 2 + 2]) or nil
      if oldest and oldest > now - window then
        if oldest + window > retryAt then
          retryAt = oldest + window
          refusedCount = count
          refusedWindow = window
        end
      end
    end
    if retryAt >= 0 then
      answer[#answer + 1] = 0
      answer[#answer + 1] = refusedCount
      answer[#answer + 1] = refusedWindow
      answer[#answer + 1] = retryAt
    end
  end
  if retryAt < 0 then
    -- of several caps without room, the one that resets last says when a send may go
    local refused = 0
    for c = 1, caps do
      if used[c] + units[c] > limits[c] and (refused == 0 or resets[c] > resets[refused]) then
        refused = c
      end
    end
    if refused > 0 then
      answer[#answer + 1] = 2
      answer[#answer + 1] = refused
      break
    end
    if rules > 0 then
      redis.call('ZADD', key, now, ARGV[firstPermit + i - 1])
      redis.call('PEXPIRE', key, longest)
    end
    for c = 1, caps do
      used[c] = used[c] + units[c]
    end
    recorded = recorded + 1
    answer[#answer + 1] = 1
  end
end
for c = 1, (recorded > 0) and caps or 0 do
  redis.call('HSET', KEYS[k0 + n + c], 'p', string.format('%d', starts[c]), 'u', string.format('%d', used[c]))
  redis.call('PEXPIREAT', KEYS[k0 + n + c], resets[c])
end
return answer
