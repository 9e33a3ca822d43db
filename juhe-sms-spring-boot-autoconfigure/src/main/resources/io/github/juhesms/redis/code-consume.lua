-- Use a code up, if it is still the code with this salt and unused.
-- KEYS[1]: the code's hash; ARGV[1]: salt
local code = redis.call('HMGET', KEYS[1], 'salt', 'used')
if code[1] == ARGV[1] and code[2] == '0' then
  redis.call('HSET', KEYS[1], 'used', '1')
  return 1
end
return 0
