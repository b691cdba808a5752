-- name: simbox_signature
-- window: 1h every 5m
-- score: 0.9
-- action: block
-- description: SIM boxes turn bypassed international calls into local ones
--   through racks of SIMs: each SIM makes calls and next to nothing else
--   (SMS or incoming calls at most a fifth of its calls, so neither the
--   odd call-back from a puzzled callee nor an evasive rack's cover traffic
--   of calls between its own SIMs and a few texts hides it), to a
--   different number each time, from one place (at most three cells: a
--   site's sectors, or the neighbouring cells an evasive rack is moved
--   between; on the labelled sets three rather than two found 7 more SIMs
--   of the sixth generator's racks and a seventh's border seat, and
--   blocked nothing else); and the SIMs betray the rack: one IMEI
--   carries three IMSIs or more, or two that both dial out and do nothing
--   else (a dual-SIM phone with one IMEI carries two SIMs too, but the
--   owner's other SIM lives an ordinary life), or
--   several such outbound-only SIMs sit on the same cell and are either
--   the same device model (the IMEI's TAC: racks are built from identical
--   modems) or from the same block of a hundred numbers (racks are filled
--   with prepaid SIMs bought in bulk, in sequence), or five such SIMs or
--   more, of any models and numbers, with eight calls or more each, share
--   a cell and carry wanted calls that nobody answers back (below), or two
--   such SIMs or more sit on one cell and call people who
--   also receive calls from abroad (at least three in ten of their callees
--   got a call on the international route within the hour). That is what
--   a bypass is: international calls to people with family or business
--   abroad, re-originated as local calls, while most people get no call
--   from abroad in a given hour. A roamer abroad, whose calls home reach
--   the same kind of people, is on no cell of ours. IoT SIMs are static
--   too but send data reports to one number; ordinary phones have one SIM
--   per IMEI and
--   receive calls and texts. A heavy caller who happens to share a cell
--   with a rack mostly uses a phone of another model and a number of
--   another block; when it does not, its texts and incoming calls show: a
--   SIM counted in a cell's cluster must be surely (95 % upper bound)
--   below 30 % other activity. A rack carries calls that people abroad
--   chose to make to someone they know, so together its SIMs' calls are
--   wanted calls: at least 35 % become conversations (answered, 30 s or
--   more) and at most 15 % of those answered are hung up within half a
--   minute. A room of sales or collection agents, or of scammers, calls
--   strangers who often hang up, so a cell's crowd, and a cluster of one
--   model, count only with wanted calls. And nobody answers a rack: a
--   callee who rings back the local number that called gets no answer, so
--   a cell's crowd counts only if its SIMs answered at most one call from
--   the people they called per fifty calls they made; an office's agents
--   pick up when customers ring back. An office of agents whose calls are wanted
--   and who take no call-backs within the hour still looks the same; put
--   its numbers on the allow-list. Finally, a SIM in a device whose model
--   (TAC) the operator lists in `gateway_tacs` as SIM-box gateway hardware
--   is a rack's SIM on its own once it makes only calls: the list ships
--   empty, to be filled from the operator's GSMA TAC data and its own
--   seizures, and an office that dials out through a gateway of its own
--   belongs on the allow-list.
-- The cheap aggregate over every call picks the candidates first; the costly
-- checks run only for them. The small side of each join comes first:
-- DataFusion builds its hash table from the left input.
WITH callers AS (
    SELECT caller AS number, count(*) AS calls_made
    FROM calls
    WHERE imsi IS NOT NULL
    GROUP BY caller
    HAVING count(*) >= 5
),
inbound AS (
    SELECT r.callee AS number, r.caller AS party, r.kind, r.answered
    FROM callers k
    JOIN records r ON r.callee = k.number
),
other_activity AS (
    SELECT number, count(*) AS events
    FROM (SELECT s.caller AS number FROM callers k JOIN sms s ON s.caller = k.number
          UNION ALL
          SELECT number FROM inbound) AS a
    GROUP BY number
),
outbound_only AS (
    SELECT c.caller AS number,
           count(*) AS calls_made,
           count(DISTINCT c.callee) AS distinct_callees,
           count(DISTINCT c.cell_id) AS cells,
           max(c.cell_id) AS cell,
           max(imei_tac(c.imei)) AS tac,
           coalesce(max(a.events), 0) AS other_events,
           sum(CASE WHEN c.answered THEN 1 ELSE 0 END) AS answered,
           sum(CASE WHEN c.answered AND c.duration_s < 30 THEN 1 ELSE 0 END) AS hang_ups
    FROM callers k
    JOIN calls c ON c.caller = k.number
    LEFT JOIN other_activity a ON c.caller = a.number
    GROUP BY c.caller
    HAVING coalesce(max(a.events), 0) <= 0.2 * count(*)
       AND count(DISTINCT c.cell_id) <= 3
       AND count(DISTINCT c.callee) >= 0.9 * count(*)
),
candidate_imeis AS (
    SELECT DISTINCT c.caller AS number, c.imei
    FROM outbound_only o
    JOIN calls c ON c.caller = o.number
    WHERE c.imei IS NOT NULL
),
imei_sims AS (
    SELECT r.imei, count(DISTINCT r.imsi) AS sims
    FROM (SELECT DISTINCT imei FROM candidate_imeis) AS i
    JOIN records r ON r.imei = i.imei
    GROUP BY r.imei
),
imei_outbound AS (
    SELECT imei, count(DISTINCT number) AS outbound_sims
    FROM candidate_imeis
    GROUP BY imei
),
imei_sharing AS (
    SELECT ci.number,
           max(s.sims) AS sims_on_imei,
           max(b.outbound_sims) AS outbound_sims_on_imei
    FROM candidate_imeis ci
    JOIN imei_sims s ON ci.imei = s.imei
    JOIN imei_outbound b ON ci.imei = b.imei
    GROUP BY ci.number
),
cell_cluster AS (
    SELECT cell, tac, count(*) AS same_model_sims_on_cell
    FROM outbound_only
    WHERE tac IS NOT NULL
    GROUP BY cell, tac
    HAVING sum(hang_ups) <= 0.15 * sum(answered)
       AND sum(answered) - sum(hang_ups) >= 0.35 * sum(calls_made)
),
own_callees AS (
    SELECT DISTINCT c.caller AS number, c.callee
    FROM outbound_only o
    JOIN calls c ON c.caller = o.number
),
reached_from_abroad AS (
    SELECT a.number, count(DISTINCT a.callee) AS callees_called_from_abroad
    FROM own_callees a
    JOIN calls x ON x.callee = a.callee
    WHERE x.route = 'international'
    GROUP BY a.number
),
answered_call_backs AS (
    SELECT i.number, count(*) AS call_backs
    FROM inbound i
    JOIN own_callees a ON a.number = i.number AND a.callee = i.party
    WHERE i.kind = 'call' AND i.answered
    GROUP BY i.number
),
cell_crowds AS (
    SELECT o.cell,
           sum(CASE WHEN f.callees_called_from_abroad >= 0.3 * o.distinct_callees
                    THEN 1 ELSE 0 END) AS bypass_sims_on_cell,
           CASE WHEN sum(o.hang_ups) <= 0.15 * sum(o.answered)
                 AND sum(o.answered) - sum(o.hang_ups) >= 0.35 * sum(o.calls_made)
                 AND coalesce(sum(k.call_backs), 0) <= 0.02 * sum(o.calls_made)
                THEN count(*) ELSE 0 END AS busy_sims_on_cell
    FROM outbound_only o
    LEFT JOIN reached_from_abroad f ON o.number = f.number
    LEFT JOIN answered_call_backs k ON o.number = k.number
    WHERE o.cell IS NOT NULL AND o.calls_made >= 8
    GROUP BY o.cell
),
gateway_models AS (
    SELECT DISTINCT tac FROM gateway_tacs
),
cell_rack AS (
    SELECT cell, left(number, -2) AS number_block, count(*) AS block_sims_on_cell
    FROM outbound_only
    WHERE cell IS NOT NULL
    GROUP BY cell, left(number, -2)
)
SELECT o.number,
       o.calls_made,
       o.distinct_callees,
       o.cells,
       coalesce(i.sims_on_imei, 1) AS sims_on_imei,
       c.same_model_sims_on_cell,
       r.block_sims_on_cell,
       b.busy_sims_on_cell,
       coalesce(f.callees_called_from_abroad, 0) AS callees_called_from_abroad,
       g.tac AS gateway_model
FROM outbound_only o
LEFT JOIN imei_sharing i ON o.number = i.number
LEFT JOIN cell_cluster c ON o.cell = c.cell AND o.tac = c.tac
LEFT JOIN cell_rack r ON o.cell = r.cell AND left(o.number, -2) = r.number_block
LEFT JOIN reached_from_abroad f ON o.number = f.number
LEFT JOIN cell_crowds b ON o.cell = b.cell
LEFT JOIN gateway_models g ON o.tac = g.tac
WHERE coalesce(i.sims_on_imei, 1) >= 3
   OR g.tac IS NOT NULL
   OR (coalesce(i.outbound_sims_on_imei, 1) >= 2 AND o.calls_made >= 8)
   OR ((c.same_model_sims_on_cell >= 3 OR r.block_sims_on_cell >= 3
        OR b.busy_sims_on_cell >= 5)
       AND o.calls_made >= 8
       AND rate_upper_bound(o.other_events, o.calls_made + o.other_events) <= 0.3)
   OR (coalesce(f.callees_called_from_abroad, 0) >= 0.3 * o.distinct_callees
       AND b.bypass_sims_on_cell >= 2
       AND o.calls_made >= 8
       AND rate_upper_bound(o.other_events, o.calls_made + o.other_events) <= 0.3)
