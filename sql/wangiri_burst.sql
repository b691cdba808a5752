-- name: wangiri_burst
-- window: 15m
-- score: 0.95
-- action: block
-- description: One-ring bursts: an international number making many
--   zero-duration, unanswered calls to different subscribers within minutes,
--   hoping they call back a premium-rate number. Overseas service desks also
--   call from abroad, but their calls are answered and last.
SELECT caller AS number,
       count(*) AS attempts,
       count(DISTINCT callee) AS distinct_callees,
       avg(CASE WHEN answered THEN 1.0 ELSE 0.0 END) AS answer_rate
FROM calls
WHERE route = 'international' AND caller NOT LIKE '+66%'
GROUP BY caller
HAVING count(*) >= 10
   AND count(DISTINCT callee) >= 0.9 * count(*)
   AND avg(CASE WHEN answered THEN 1.0 ELSE 0.0 END) <= 0.05
   AND max(duration_s) <= 3
