-- name: simbox_signature
-- window: 1h every 5m
-- score: 0.9
-- action: block
-- description: SIM boxes turn bypassed international calls into local ones
--   through racks of SIMs: each SIM only ever makes calls (no SMS, nothing
--   incoming), to a different number each time, from one or two cells, and
--   the SIMs betray the rack: one IMEI carries several IMSIs, or several
--   such outbound-only SIMs sit on the same cell. IoT SIMs are static too but
--   send data reports to one number; ordinary phones have one SIM per IMEI
--   and receive calls and texts.
WITH sim AS (
    SELECT caller AS number,
           count(*) AS calls_made,
           count(DISTINCT callee) AS distinct_callees,
           count(DISTINCT cell_id) AS cells,
           max(cell_id) AS cell
    FROM calls
    WHERE imsi IS NOT NULL
    GROUP BY caller
),
other_activity AS (
    SELECT number, count(*) AS events
    FROM (SELECT caller AS number FROM sms UNION ALL SELECT callee AS number FROM records) AS a
    GROUP BY number
),
outbound_only AS (
    SELECT s.*
    FROM sim s
    LEFT JOIN other_activity a ON s.number = a.number
    WHERE a.events IS NULL
      AND s.calls_made >= 5
      AND s.cells <= 2
      AND s.distinct_callees >= 0.9 * s.calls_made
),
imei_sharing AS (
    SELECT d.caller AS number, max(s.sims) AS sims_on_imei
    FROM (SELECT DISTINCT caller, imei FROM calls WHERE imei IS NOT NULL) AS d
    JOIN (SELECT imei, count(DISTINCT imsi) AS sims FROM records WHERE imei IS NOT NULL GROUP BY imei) AS s
      ON d.imei = s.imei
    GROUP BY d.caller
),
cell_cluster AS (
    SELECT cell, count(*) AS outbound_only_sims_on_cell
    FROM outbound_only
    GROUP BY cell
)
SELECT o.number,
       o.calls_made,
       o.distinct_callees,
       o.cells,
       coalesce(i.sims_on_imei, 1) AS sims_on_imei,
       c.outbound_only_sims_on_cell
FROM outbound_only o
LEFT JOIN imei_sharing i ON o.number = i.number
LEFT JOIN cell_cluster c ON o.cell = c.cell
WHERE coalesce(i.sims_on_imei, 1) >= 2
   OR (c.outbound_only_sims_on_cell >= 3 AND o.calls_made >= 8)
