package io.affinity.client.ratelimit.redis.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Lua scripts that keep the shared state atomic. Both read the time from the Redis server
 * ({@code redis.call('TIME')}, in milliseconds), so the clocks of the processes sharing the state do not matter.
 *
 * <p>Keys: {@code KEYS[1]} a hash with the bucket ({@code tokens}, {@code ts}, {@code limit}), the gate
 * ({@code gate}: closed until then), the refusal ({@code refuse}: calls fail at once until then, {@code reset}: the
 * server's reset told to them), the same three for the account's monthly limit, which hold only the calls it counts
 * ({@code mgate}, {@code mrefuse}, {@code mreset}), the user window as last reported ({@code wl}: requests it has left, less those in
 * flight and granted since; {@code wr}: its reset, at most a minute ahead) and the latest limits ({@code uL uR uT oL oR oT}, {@code ver}); {@code KEYS[2]} a
 * sorted set of in-flight leases scored by their expiry. Both keys carry one hash tag, so they live in one slot of
 * a Redis Cluster.
 */
final class Scripts {

    /** Answer codes of {@link #ACQUIRE}. */
    static final long GRANTED = 0;

    static final long WAIT = 1;
    static final long WAIT_FOR_SLOT = 2;
    static final long REFUSED = 3;
    /** Held for the monthly limit: a caller it does not count may go past. */
    static final long WAIT_FOR_MONTH = 4;
    /** Refused for the monthly limit: callers it does not count are not. */
    static final long REFUSED_FOR_MONTH = 5;

    private static final String NOW = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            """;

    private static final String LOAD = """
            local s = redis.call('HMGET', KEYS[1], 'tokens', 'ts', 'limit', 'gate', 'refuse', 'reset', 'ver', 'wl', 'wr', 'wi',
              'mgate', 'mrefuse', 'mreset')
            local limit = tonumber(s[3]) or defaultLimit
            local tokens = tonumber(s[1]) or limit
            local ts = tonumber(s[2]) or now
            local gate = tonumber(s[4]) or 0
            local refuse = tonumber(s[5]) or 0
            local reset = tonumber(s[6]) or 0
            local ver = s[7] or '0'
            local wl = tonumber(s[8])
            local wr = tonumber(s[9]) or 0
            local wi = s[10] or '0'
            local mgate = tonumber(s[11]) or 0
            local mrefuse = tonumber(s[12]) or 0
            local mreset = tonumber(s[13]) or 0
            if now > ts then
              tokens = math.min(limit, tokens + (now - ts) * limit / 60000)
              ts = now
            end
            redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
            """;

    /**
     * Takes one permit. ARGV: 1 the default limit a minute, 2 the in-flight cap (0: none), 3 the lease time in ms,
     * 4 the lease id, 5 the keys' time to live in ms, 6 the version of the limits the caller knows, 7 '1' when the
     * caller is exempt from the monthly limit (the monthly gate and refusal do not hold it). Answers
     * {@code {code, wait ms, refusal reset ms, version[, uL, uR, uT ms, oL, oR, oT ms]}}; the limits only when their
     * version differs from the caller's, their resets relative to now.
     */
    static final String ACQUIRE = NOW + """
            local defaultLimit = tonumber(ARGV[1])
            """ + LOAD + """
            local cap = tonumber(ARGV[2])
            if (not wl) or wr <= now then
              -- no window known: take one as opening now with the whole limit, until a response tells better
              wl, wr, wi = limit, now + 60000, '1'
            end
            local counted = ARGV[7] ~= '1'
            local code, wait, told = 0, 0, reset
            if refuse > now then
              code, wait = 3, refuse - now
            elseif counted and mrefuse > now then
              code, wait, told = 5, mrefuse - now, mreset
            elseif gate > now then
              code, wait = 1, gate - now
            elseif counted and mgate > now then
              code, wait = 4, mgate - now
            elseif wl and wr > now and wl < 1 then
              code, wait = 1, wr - now
            elseif cap > 0 and redis.call('ZCARD', KEYS[2]) >= cap then
              local first = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
              code, wait = 2, math.max(1, tonumber(first[2]) - now)
            elseif tokens < 1 then
              code, wait = 1, math.max(1, math.ceil((1 - tokens) * 60000 / limit))
            else
              tokens = tokens - 1
              if wl and wr > now then wl = wl - 1 end
              redis.call('ZADD', KEYS[2], now + tonumber(ARGV[3]), ARGV[4])
            end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(ts), 'limit', tostring(limit))
            redis.call('HSET', KEYS[1], 'wl', tostring(wl), 'wr', tostring(wr), 'wi', wi)
            redis.call('PEXPIRE', KEYS[1], ARGV[5])
            redis.call('PEXPIRE', KEYS[2], ARGV[5])
            local reply = {code, wait, math.max(0, told - now), ver}
            if ver ~= ARGV[6] then
              local q = redis.call('HMGET', KEYS[1], 'uL', 'uR', 'uT', 'oL', 'oR', 'oT')
              for i = 1, 6 do
                local v = q[i] or ''
                if (i == 3 or i == 6) and v ~= '' then v = tostring(math.max(0, tonumber(v) - now)) end
                reply[4 + i] = v
              end
            end
            return reply
            """;

    /**
     * Ends a lease and adopts what a response said. ARGV: 1 the lease id ('' for none), 2 '1' to give the token
     * back (a permit nobody used), 3 the default limit a minute, 4 the keys' time to live in ms, 5 the user window's
     * limit ('' when not reported or unlimited), 6 its remaining count, 7 ms to close the gate for (-1: none), 8 ms
     * to refuse calls for (-1: none), 9 ms until the reset told to refused calls, 10-15 the limits to publish
     * (uL, uR, uT ms, oL, oR, oT ms; '' when absent, 'u' when unlimited), 16-18 as 7-9 for the monthly limit.
     */
    static final String RELEASE = NOW + """
            local defaultLimit = tonumber(ARGV[3])
            if ARGV[1] ~= '' then redis.call('ZREM', KEYS[2], ARGV[1]) end
            """ + LOAD + """
            local inflight = redis.call('ZCARD', KEYS[2])
            if ARGV[2] == '1' then
              tokens = tokens + 1
              if wl and wr > now then wl = wl + 1 end
            end
            if ARGV[5] ~= '' then
              local l = tonumber(ARGV[5])
              if l > 0 then limit = l end
              local left = tonumber(ARGV[6]) - inflight
              tokens = math.min(tokens, math.max(0, left))
              -- the window's own count: until its reset (at most a minute away), no more than it has left; reports
              -- arrive out of order, so within a window the lowest count holds, and the latest reset (resets are rounded
              -- up to whole seconds); a window assumed from the first grant takes the server's reset
              local rr = now + math.min(tonumber(ARGV[12]), 60000)
              if (not wl) or wr <= now then
                wl, wr = left, rr
              elseif wi == '1' then
                wl, wr = math.min(wl, left), rr
              else
                wl = math.min(wl, left)
                if rr > wr then wr = rr end
              end
              redis.call('HSET', KEYS[1], 'wl', tostring(wl), 'wr', tostring(wr), 'wi', '0')
            end
            tokens = math.min(tokens, limit)
            local g = tonumber(ARGV[7])
            if g >= 0 and now + g > gate then gate = now + g end
            local r = tonumber(ARGV[8])
            if r >= 0 then
              if now + r > refuse then refuse = now + r end
              reset = now + tonumber(ARGV[9])
            end
            local mg = tonumber(ARGV[16])
            if mg >= 0 and now + mg > mgate then mgate = now + mg end
            local mr = tonumber(ARGV[17])
            if mr >= 0 then
              if now + mr > mrefuse then mrefuse = now + mr end
              mreset = now + tonumber(ARGV[18])
            end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(ts), 'limit', tostring(limit),
              'gate', tostring(gate), 'refuse', tostring(refuse), 'reset', tostring(reset),
              'mgate', tostring(mgate), 'mrefuse', tostring(mrefuse), 'mreset', tostring(mreset))
            if ARGV[10] ~= '' then
              redis.call('HSET', KEYS[1], 'uL', ARGV[10], 'uR', ARGV[11], 'uT', tostring(now + tonumber(ARGV[12])))
            end
            if ARGV[13] ~= '' then
              redis.call('HSET', KEYS[1], 'oL', ARGV[13], 'oR', ARGV[14], 'oT', tostring(now + tonumber(ARGV[15])))
            end
            if ARGV[10] ~= '' or ARGV[13] ~= '' then redis.call('HINCRBY', KEYS[1], 'ver', 1) end
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
            redis.call('PEXPIRE', KEYS[2], ARGV[4])
            return 1
            """;

    static final String ACQUIRE_SHA = sha1(ACQUIRE);
    static final String RELEASE_SHA = sha1(RELEASE);

    private Scripts() {}

    private static String sha1(String script) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-1 is missing from this JVM", impossible);
        }
    }
}
