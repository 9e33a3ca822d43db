-- Count one verification attempt, or answer without a comparison.
-- KEYS[1]: the code's hash; ARGV[1]: most attempts
if redis.call('EXISTS', KEYS[1]) == 0 then
  return {'NO_CODE'}
end
local code = redis.call('HMGET', KEYS[1], 'salt', 'hash', 'expiresAt', 'attempts', 'used')
if code[5] == '1' then
  return {'USED'}
end
-- The server's clock, the one code-save.lua set the expiry on.
local time = redis.call('TIME')
if tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000) >= tonumber(code[3]) then
  return {'EXPIRED'}
end
if tonumber(code[4]) >= tonumber(ARGV[1]) then
  return {'TOO_MANY_ATTEMPTS'}
end
local attempts = redis.call('HINCRBY', KEYS[1], 'attempts', 1)
return {'COMPARE', code[1], code[2], code[3], tostring(attempts)}
