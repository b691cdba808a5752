-- name: simbox_signature
-- window: 1h every 5m
-- score: 0.9
-- action: block
-- description: A SIM that only makes calls (no SMS, nothing incoming) to many
--   different numbers from one or two cells: the signature of a SIM box
--   terminating bypassed international traffic as local calls. IoT SIMs are
--   static too but hardly call; busy dispatchers call a lot but also receive.
WITH outbound AS (
    SELECT caller AS number,
           count(*) AS calls_made,
           count(DISTINCT callee) AS distinct_callees,
           count(DISTINCT cell_id) AS cells,
           avg(CASE WHEN answered THEN 1.0 ELSE 0.0 END) AS answer_rate
    FROM calls
    WHERE imsi IS NOT NULL
    GROUP BY caller
),
other_activity AS (
    SELECT caller AS number FROM sms
    UNION ALL
    SELECT callee AS number FROM records
)
SELECT o.number, o.calls_made, o.distinct_callees, o.cells, o.answer_rate
FROM outbound o
WHERE o.calls_made >= 15
  AND o.cells <= 2
  AND o.distinct_callees >= 0.8 * o.calls_made
  AND o.answer_rate >= 0.4
  AND NOT EXISTS (SELECT 1 FROM other_activity a WHERE a.number = o.number)
