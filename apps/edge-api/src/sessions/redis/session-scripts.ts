/**
 * @module The Lua scripts behind the Redis session store. Each runs atomically in Redis, so the
 * replicas of a fleet agree on every session without talking to each other: one script accepts a
 * chunk (seq check, bounds, windowing), one publishes a chunk's events in seq order, one adds a
 * subscriber, one keeps a subscribed session alive, one deletes a session.
 *
 * Keys of device D (one hash slot: `{D}`): `painkd:session:{D}` (hash: rate, epoch, next_seq,
 * received, base, emitted, next_pub), `…:buf` (the float32 samples not yet windowed, from absolute
 * sample `base`), `…:order` (per chunk seq: `r:<seq>` reserved-at ms, `e:<seq>` its events),
 * `…:subs` (sorted set: subscriber id → expiry ms). `painkd:sessions` (sorted set: device →
 * expiry ms) bounds the fleet's session count and remembers expired sessions for a 410.
 */

/** Reads Redis' clock in ms (every replica uses the same one). */
const NOW = `local t = redis.call('TIME'); local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

/**
 * `room`: whether the fleet has room for one more session (forgetting sessions expired long ago);
 * `open`: starts a session record with a new epoch — Redis' clock in µs, so a session deleted and
 * opened again never takes the publications of its former self. Expects `now` and `t` ({@link NOW}).
 */
const OPEN = `
local function room(sessions, dev, maxSessions, idle)
  redis.call('ZREMRANGEBYSCORE', sessions, '-inf', now - 4 * idle)
  local score = redis.call('ZSCORE', sessions, dev)
  if score and tonumber(score) >= now then return true end
  return redis.call('ZCOUNT', sessions, now, '+inf') < maxSessions
end
local function open(state)
  redis.call('HSET', state, 'epoch', t[1] .. string.format('%06d', tonumber(t[2])))
end`;

/**
 * Appends a chunk. KEYS: state, buf, sessions, order. ARGV: device, seq, rate, samples (float32
 * LE bytes), windowSamples, hopSamples, maxBufferSamples, maxSessions, idleMs, maxWindowsPerChunk.
 * Returns `{code, …}`: `{'OK', nextSeq, buffered, firstWindow, epoch, liveSessions, window…}` or
 * a refusal: `{'SEQ_GAP' | 'SEQ_DUPLICATE', expectedSeq}`, `{'SAMPLE_RATE_CHANGED', expectedSeq,
 * rate}`, `{'SESSION_EXPIRED', 0}`, `{'SESSION_LIMIT', max}`, `{'SESSION_BUFFER_FULL', expectedSeq,
 * wouldHold}`, `{'CHUNK_TOO_LARGE', expectedSeq, windows}`.
 */
export const APPEND_SCRIPT = `${NOW}
${OPEN}
local state, buf, sessions, order = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local dev, seq, rate, samples = ARGV[1], tonumber(ARGV[2]), ARGV[3], ARGV[4]
local size, hop, maxBuffer, maxSessions, idle, maxWindows = tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7]), tonumber(ARGV[8]), tonumber(ARGV[9]), tonumber(ARGV[10])
local exists = redis.call('EXISTS', state) == 1
local current = exists and redis.call('HGET', state, 'rate')
local nextSeq, received, base, emitted = 0, 0, 0, 0
-- Every check before any write: a refused chunk leaves no trace.
if not current then
  if seq ~= 0 then
    local score = redis.call('ZSCORE', sessions, dev)
    if not exists and score and tonumber(score) < now then return {'SESSION_EXPIRED', 0} end
    return {'SEQ_GAP', 0}
  end
  if not exists and not room(sessions, dev, maxSessions, idle) then return {'SESSION_LIMIT', maxSessions} end
elseif current ~= rate then
  return {'SAMPLE_RATE_CHANGED', tonumber(redis.call('HGET', state, 'next_seq')), current}
else
  local fields = redis.call('HMGET', state, 'next_seq', 'received', 'base', 'emitted')
  nextSeq, received, base, emitted = tonumber(fields[1]), tonumber(fields[2]), tonumber(fields[3]), tonumber(fields[4])
end
if seq ~= nextSeq then return {seq > nextSeq and 'SEQ_GAP' or 'SEQ_DUPLICATE', nextSeq} end
local n = #samples / 4
local held = math.min(size, math.max(0, received - emitted * hop))
if held + n > maxBuffer then return {'SESSION_BUFFER_FULL', nextSeq, held + n} end
local completes = 0
if received + n >= emitted * hop + size then completes = math.floor((received + n - emitted * hop - size) / hop) + 1 end
if completes > maxWindows then return {'CHUNK_TOO_LARGE', nextSeq, completes} end
if not current then
  if not exists then open(state) end
  redis.call('HSET', state, 'rate', rate, 'next_pub', 0)
  redis.call('DEL', buf, order)
end
if base > received then samples = string.sub(samples, 4 * math.min(n, base - received) + 1) end
if #samples > 0 then redis.call('APPEND', buf, samples) end
received = received + n
local out = {'OK', seq + 1, 0, emitted, 0, 0}
while emitted * hop + size <= received do
  local start = emitted * hop - base
  out[#out + 1] = redis.call('GETRANGE', buf, 4 * start, 4 * (start + size) - 1)
  emitted = emitted + 1
end
local keep = math.min(emitted * hop, received)
if keep > base then
  local rest = redis.call('GETRANGE', buf, 4 * (keep - base), -1)
  if 4 * (keep - base) >= redis.call('STRLEN', buf) then rest = '' end
  redis.call('SET', buf, rest)
  base = keep
end
if emitted * hop > received then base = emitted * hop end
redis.call('HSET', state, 'next_seq', seq + 1, 'received', received, 'base', base, 'emitted', emitted)
redis.call('HSET', order, 'r:' .. seq, now)
for _, key in ipairs({state, buf, order}) do redis.call('PEXPIRE', key, idle) end
redis.call('ZADD', sessions, now + idle, dev)
out[3] = math.min(size, math.max(0, received - emitted * hop))
out[5] = redis.call('HGET', state, 'epoch')
out[6] = redis.call('ZCOUNT', sessions, now, '+inf')
return out`;

/**
 * Publishes in seq order what is ready: the chunk's own events, then any later ones waiting; a
 * chunk reserved more than \`deadlineMs\` ago whose events never came (its replica died) is
 * skipped. Shared by {@link PUBLISH_SCRIPT} and {@link TOUCH_SCRIPT}.
 */
const FLUSH = `
local function flush(state, order, channel, deadline)
  local nextPub = tonumber(redis.call('HGET', state, 'next_pub'))
  local nextSeq = tonumber(redis.call('HGET', state, 'next_seq'))
  if not nextPub or not nextSeq then return 0 end
  local published = 0
  while nextPub < nextSeq do
    local events = redis.call('HGET', order, 'e:' .. nextPub)
    local reserved = redis.call('HGET', order, 'r:' .. nextPub)
    if events then
      if events ~= '' and events ~= '[]' then
        redis.call('PUBLISH', channel, events)
        published = published + 1
      end
    elseif reserved and tonumber(reserved) + deadline > now then
      break
    end
    redis.call('HDEL', order, 'e:' .. nextPub, 'r:' .. nextPub)
    nextPub = nextPub + 1
  end
  redis.call('HSET', state, 'next_pub', nextPub)
  return published
end`;

/**
 * Stores a chunk's events and publishes what is in order. KEYS: state, order. ARGV: epoch, seq,
 * events JSON ('' gives the place up), channel, deadlineMs. Events of an older incarnation of the
 * session (deleted or expired since) are dropped. Returns the messages published.
 */
export const PUBLISH_SCRIPT = `${NOW}
${FLUSH}
local state, order = KEYS[1], KEYS[2]
if redis.call('HGET', state, 'epoch') ~= ARGV[1] or not redis.call('HGET', order, 'r:' .. ARGV[2]) then return 0 end
redis.call('HSET', order, 'e:' .. ARGV[2], ARGV[3])
return flush(state, order, ARGV[4], tonumber(ARGV[5]))`;

/**
 * Adds a subscriber, opening an empty session if needed. KEYS: state, sessions, subs. ARGV:
 * device, subscriber id, maxSessions, maxSubscribers, idleMs, subscriberTtlMs. Returns
 * `{'OK'}`, `{'SESSION_LIMIT', max}` or `{'SUBSCRIBER_LIMIT', count}`.
 */
export const SUBSCRIBE_SCRIPT = `${NOW}
${OPEN}
local state, sessions, subs = KEYS[1], KEYS[2], KEYS[3]
local dev, id, maxSessions, maxSubs, idle, ttl = ARGV[1], ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
if redis.call('EXISTS', state) == 0 then
  if not room(sessions, dev, maxSessions, idle) then return {'SESSION_LIMIT', maxSessions} end
  open(state)
end
redis.call('ZREMRANGEBYSCORE', subs, '-inf', now)
local count = redis.call('ZCARD', subs)
if count >= maxSubs then return {'SUBSCRIBER_LIMIT', count} end
redis.call('ZADD', subs, now + ttl, id)
redis.call('PEXPIRE', state, idle)
redis.call('PEXPIRE', subs, ttl)
redis.call('ZADD', sessions, now + idle, dev)
return {'OK'}`;

/**
 * Keeps a session with live subscribers open, renews their entries, and flushes publications held
 * back by a chunk whose replica died. KEYS: state, buf, order, sessions, subs. ARGV: device,
 * idleMs, subscriberTtlMs, channel, deadlineMs, subscriber ids… Returns 0 when the session is gone.
 */
export const TOUCH_SCRIPT = `${NOW}
${FLUSH}
local state, buf, order, sessions, subs = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
if redis.call('EXISTS', state) == 0 then return 0 end
local idle, ttl = tonumber(ARGV[2]), tonumber(ARGV[3])
for i = 6, #ARGV do redis.call('ZADD', subs, now + ttl, ARGV[i]) end
for _, key in ipairs({state, buf, order}) do redis.call('PEXPIRE', key, idle) end
redis.call('PEXPIRE', subs, ttl)
redis.call('ZADD', sessions, now + idle, ARGV[1])
flush(state, order, ARGV[4], tonumber(ARGV[5]))
return 1`;

/**
 * Deletes a session and tells its subscribers. KEYS: state, buf, order, subs, sessions. ARGV:
 * device, channel, end event JSON. Returns 1, or 0 when there was none.
 */
export const DELETE_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4])
redis.call('ZREM', KEYS[5], ARGV[1])
redis.call('PUBLISH', ARGV[2], ARGV[3])
return 1`;
