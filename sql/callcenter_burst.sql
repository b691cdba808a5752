-- name: callcenter_burst
-- window: 1h every 5m
-- score: 0.9
-- action: block
-- description: A scam call centre SIM works through lists of strangers: many
--   calls in an hour, almost every one to a different number, most of them
--   unanswered, from one or two cells, and nobody calls or texts it back.
--   Bank and dispatch desks also dial many numbers, but they are answered
--   more often than not and their customers call them too; delivery drivers
--   move across many cells.
-- The cheap aggregate over every call picks the candidates first; the costly
-- distinct counts run only for them. The small side of each join comes first:
-- DataFusion builds its hash table from the left input.
WITH candidates AS (
    SELECT caller AS number,
           count(*) AS attempts,
           avg(CASE WHEN answered THEN 1.0 ELSE 0.0 END) AS answer_rate,
           coalesce(avg(CASE WHEN answered THEN duration_s END), 0) AS avg_talk_s
    FROM calls
    GROUP BY caller
    HAVING count(*) >= 10
       AND avg(CASE WHEN answered THEN 1.0 ELSE 0.0 END) <= 0.4
),
spread AS (
    SELECT c.caller AS number,
           count(DISTINCT c.callee) AS distinct_callees,
           count(DISTINCT c.cell_id) AS cells
    FROM candidates k
    JOIN calls c ON c.caller = k.number
    GROUP BY c.caller
),
inbound AS (
    SELECT r.callee AS number, count(*) AS received
    FROM candidates k
    JOIN records r ON r.callee = k.number
    GROUP BY r.callee
)
SELECT k.number,
       k.attempts,
       s.distinct_callees,
       round(k.answer_rate, 3) AS answer_rate,
       round(k.avg_talk_s, 1) AS avg_talk_s,
       s.cells,
       coalesce(i.received, 0) AS received,
       CASE WHEN k.attempts >= 20 THEN 0.95 ELSE 0.85 END AS score
FROM candidates k
JOIN spread s ON k.number = s.number
LEFT JOIN inbound i ON k.number = i.number
WHERE s.distinct_callees >= 0.9 * k.attempts
  AND s.cells <= 2
  AND coalesce(i.received, 0) <= 0.05 * k.attempts
