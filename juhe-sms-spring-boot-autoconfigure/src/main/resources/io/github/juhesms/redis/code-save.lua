-- Replace a number's code for a purpose; answer when it expires.
-- KEYS[1]: the code's hash; ARGV[1]: salt, ARGV[2]: hash, ARGV[3]: validity (ms), ARGV[4]: retention (ms)
-- The expiry is on the server's clock, the one code-attempt.lua compares it with.
local time = redis.call('TIME')
local expiresAt = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000) + tonumber(ARGV[3])
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'salt', ARGV[1], 'hash', ARGV[2], 'expiresAt', expiresAt, 'attempts', '0', 'used', '0')
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return expiresAt
