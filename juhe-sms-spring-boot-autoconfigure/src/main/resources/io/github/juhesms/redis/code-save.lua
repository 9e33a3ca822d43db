-- Replace a number's code for a purpose.
-- KEYS[1]: the code's hash; ARGV[1]: salt, ARGV[2]: hash, ARGV[3]: expires at (ms), ARGV[4]: retention (ms)
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'salt', ARGV[1], 'hash', ARGV[2], 'expiresAt', ARGV[3], 'attempts', '0', 'used', '0')
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1
