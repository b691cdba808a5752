-- name: callcenter_burst
-- window: 1h every 5m
-- score: 0.9
-- action: block
-- description: Outbound bursts to many first-contact numbers with a low answer
--   rate and short calls, from a number nobody calls back. Bank and delivery
--   call centres also dial many numbers, but they are answered more often,
--   talk longer and receive calls themselves.
WITH outbound AS (
    SELECT caller AS number,
           count(*) AS attempts,
           count(DISTINCT callee) AS distinct_callees,
           avg(CASE WHEN answered THEN 1.0 ELSE 0.0 END) AS answer_rate,
           coalesce(avg(CASE WHEN answered THEN duration_s END), 0) AS avg_talk_s
    FROM calls
    GROUP BY caller
),
inbound AS (
    SELECT callee AS number, count(*) AS received
    FROM records
    GROUP BY callee
)
SELECT o.number, o.attempts, o.distinct_callees, o.answer_rate, o.avg_talk_s,
       coalesce(i.received, 0) AS received
FROM outbound o LEFT JOIN inbound i ON o.number = i.number
WHERE o.attempts >= 25
  AND o.distinct_callees >= 0.8 * o.attempts
  AND o.answer_rate < 0.45
  AND o.avg_talk_s < 90
  AND coalesce(i.received, 0) <= 0.05 * o.attempts
