-- name: wangiri_callback
-- window: 1h every 5m
-- score: 0.95
-- action: block
-- bar_calls_to: yes
-- description: A wangiri campaign that a victim has already called back.
--   One-ring fraud earns nothing from its rings: it earns from the
--   subscribers who call the missed number back, whose calls a premium-rate
--   line answers and keeps going. A slow campaign spreads its rings over a
--   number range and over hours (a handful of rings a number), below
--   wangiri_burst's twenty-minute bursts; this rule reads the hour instead,
--   and needs what a burst does not: a subscriber who was rung once from the
--   range and then called the range and was answered. It flags every number
--   of the range that rang once in the hour. The range (all digits but the
--   last two) must have rung at least 10 times, at least 9 in 10 of them
--   one-ring calls to different subscribers. A family member or an overseas
--   desk who missed someone and is called back rings a few people, not ten
--   strangers, and its calls are mostly answered. Flash-call verification
--   pools ring subscribers once by the hundred, but nobody is answered who
--   calls a flash-call number back: it is a caller ID, not a service.
--   Its blocks bar our subscribers' calls to the number too, as the calls
--   back are the fraud.
-- Numbers are E.164 (`+` and digits), so the range is the number without
-- its last two characters, as in wangiri_burst.
WITH rings AS (
    SELECT caller,
           callee,
           event_time,
           left(caller, -2) AS number_range,
           CASE WHEN NOT answered AND duration_s <= 3 THEN 1 ELSE 0 END AS one_ring
    FROM calls
    WHERE NOT is_national(caller)
),
per_range AS (
    SELECT number_range,
           count(*) AS range_attempts,
           sum(one_ring) AS range_one_rings,
           count(DISTINCT callee) AS range_callees
    FROM rings
    GROUP BY number_range
),
-- Answered calls from a subscriber to a foreign number.
answered_abroad AS (
    SELECT caller, callee, event_time
    FROM calls
    WHERE answered AND NOT is_national(callee)
),
called_back AS (
    SELECT r.number_range,
           count(DISTINCT a.caller) AS subscribers_called_back
    FROM rings r
    JOIN answered_abroad a
      ON a.caller = r.callee
     AND left(a.callee, -2) = r.number_range
     AND a.event_time > r.event_time
    WHERE r.one_ring = 1
    GROUP BY r.number_range
)
SELECT n.caller AS number,
       n.number_range,
       count(*) AS attempts,
       sum(n.one_ring) AS one_rings,
       p.range_one_rings,
       p.range_callees,
       b.subscribers_called_back
FROM rings n
JOIN per_range p ON n.number_range = p.number_range
JOIN called_back b ON n.number_range = b.number_range
WHERE p.range_one_rings >= 10
  AND p.range_one_rings >= 0.9 * p.range_attempts
  AND p.range_callees >= 0.9 * p.range_attempts
GROUP BY n.caller, n.number_range, p.range_one_rings, p.range_callees, b.subscribers_called_back
HAVING sum(n.one_ring) >= 1
