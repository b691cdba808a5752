-- name: callcenter_burst
-- window: 1h every 5m
-- score: 0.9
-- action: block
-- description: A scam call centre SIM works through lists of strangers: many
--   calls in an hour, almost every one to a different number, most of them
--   unanswered, and nobody calls or texts it back. Bank, delivery and
--   dispatch desks also dial many numbers, but they are answered more often
--   than not and their customers call them too, so they stay below the
--   answer-rate bar or above the call-back bar.
WITH outbound AS (
    SELECT caller AS number,
           count(*) AS attempts,
           count(DISTINCT callee) AS distinct_callees,
           avg(CASE WHEN answered THEN 1.0 ELSE 0.0 END) AS answer_rate,
           coalesce(median(CASE WHEN answered THEN duration_s END), 0) AS median_talk_s
    FROM calls
    GROUP BY caller
),
inbound AS (
    SELECT callee AS number, count(*) AS received
    FROM records
    GROUP BY callee
)
SELECT o.number,
       o.attempts,
       o.distinct_callees,
       round(o.answer_rate, 3) AS answer_rate,
       o.median_talk_s,
       coalesce(i.received, 0) AS received,
       CASE WHEN o.attempts >= 20 THEN 0.95 ELSE 0.85 END AS score
FROM outbound o
LEFT JOIN inbound i ON o.number = i.number
WHERE o.attempts >= 10
  AND o.distinct_callees >= 0.9 * o.attempts
  AND o.answer_rate <= 0.4
  AND coalesce(i.received, 0) <= 0.05 * o.attempts
