-- name: callcenter_burst
-- window: 1h every 5m
-- score: 0.9
-- action: block
-- description: A scam call centre SIM works through lists of strangers: many
--   calls in an hour, almost every one to a different number, from one
--   place (at most three cells: a site's three sectors, or the cells that
--   cover a compound at the border), and nobody calls or texts it back.
--   Its calls rarely become conversations, as most go unanswered and a
--   stranger who does answer mostly hangs up on the pitch within half a
--   minute. Bank, collection and overseas help desks also dial many
--   strangers, often with answer rates as low, but the calls they get
--   through are conversations of minutes, not hang-ups; delivery drivers'
--   calls are short but mostly answered (the recipient expects them), and
--   drivers move across cells. (On the labelled sets, three cells rather
--   than two found 35 more border SIMs and 4 SIM-box SIMs of the seventh
--   generator's, and blocked 3 sales agents cold-calling from their own
--   phones; four cells found nothing more and blocked a car salesman.)
--   Dispatchers call their regular drivers and are called back. A debt
--   collection or sales desk may get through as rarely as a scam centre and
--   be hung up on as often, but its agents share one book of customers and
--   call the same people again, so a SIM more than a fifth of whose callees
--   were also called from its cell by another number within the hour is a
--   desk; a scam centre's seats work through lists of their own. Few
--   attempts prove little: an ordinary caller who reaches 4 of 10 people
--   in an hour looks like a call centre by rate alone, so the rule also
--   needs 95 % confidence (upper Wilson bounds) that in the long run fewer
--   than 6 calls in 10 would be answered and fewer than half would become
--   conversations (30 s or more), and there must be at least as many
--   hang-ups as conversations. A quieter SIM (5 to 9 calls) counts when it
--   sits in a room of them: at least three such dialling SIMs on one cell,
--   as agents of one centre. Sequential or range dialling (a seat sweeping
--   a block of numbers) meets these conditions, as a sweep mostly reaches
--   nobody; it is no signal on its own, because polling offices dial
--   random and sequential numbers too (random-digit dialling): on the
--   labelled sets, flagging SIMs whose callees sit within a hundred of
--   each other would add 4 scam seats the rule misses, 11 polling SIMs,
--   banks' call centres and couriers (tests/independent/seqdial.py).
--   A fixed line (a PBX or business trunk, by the number plan) that dials
--   like this scores 0.6: an alert for the fraud team, not a block. Fixed
--   lines are installed at a known address under a contract with a
--   registered business, and the desks that dial strangers all day (bank,
--   telesales and collection desks) mostly call from them; the centres
--   working Thailand and China from abroad reach victims through prepaid
--   SIMs, SIM boxes or foreign VoIP routes instead, and a fixed number
--   arriving on an international route is `spoofed_landline`'s. On the
--   labelled sets no scam seat called from a fixed line, while 67 of the
--   175 desks blocked on the sixth generator's traffic did. A second rule
--   hitting the same line still lifts it to a block.
--   A national number all of whose calls in the window arrived on
--   international trunks was judged on what reaches us from abroad alone:
--   it is a forged caller ID or a subscriber roaming abroad, and the line
--   at home is not what was judged. Its hits stop the number on
--   international trunks only (`scope`).
-- The cheap aggregate over every call picks the candidates first; the costly
-- distinct counts run only for them. It keeps five sums per caller and pane
-- (rates are sums over the count), not an average beside each sum. The small side of each join comes first:
-- DataFusion builds its hash table from the left input.
WITH candidates AS (
    SELECT caller AS number,
           count(*) AS attempts,
           sum(CASE WHEN answered THEN 1 ELSE 0 END) / CAST(count(*) AS DOUBLE) AS answer_rate,
           sum(CASE WHEN answered AND duration_s >= 30 THEN 1 ELSE 0 END)
               / CAST(count(*) AS DOUBLE) AS conversation_rate,
           rate_upper_bound(sum(CASE WHEN answered AND duration_s >= 30 THEN 1 ELSE 0 END),
                            count(*)) AS conversation_rate_upper,
           sum(CASE WHEN answered AND duration_s < 30 THEN 1 ELSE 0 END) AS hang_ups,
           sum(CASE WHEN route = 'international' THEN 1 ELSE 0 END) AS calls_from_abroad,
           coalesce(sum(CASE WHEN answered THEN duration_s END)
                        / CAST(sum(CASE WHEN answered THEN 1 ELSE 0 END) AS DOUBLE), 0)
               AS avg_talk_s
    FROM calls
    GROUP BY caller
    HAVING count(*) >= 5
       AND sum(CASE WHEN answered THEN 1 ELSE 0 END) / CAST(count(*) AS DOUBLE) <= 0.4
       AND rate_upper_bound(sum(CASE WHEN answered THEN 1 ELSE 0 END), count(*)) <= 0.6
       AND sum(CASE WHEN answered AND duration_s >= 30 THEN 1 ELSE 0 END)
               / CAST(count(*) AS DOUBLE) <= 0.25
       AND rate_upper_bound(sum(CASE WHEN answered AND duration_s >= 30 THEN 1 ELSE 0 END),
                            count(*)) <= 0.5
       AND sum(CASE WHEN answered AND duration_s < 30 THEN 1 ELSE 0 END)
           >= sum(CASE WHEN answered AND duration_s >= 30 THEN 1 ELSE 0 END)
),
spread AS (
    SELECT c.caller AS number,
           count(DISTINCT c.callee) AS distinct_callees,
           count(DISTINCT c.cell_id) AS cells,
           max(c.cell_id) AS cell
    FROM candidates k
    JOIN calls c ON c.caller = k.number
    GROUP BY c.caller
),
seat_calls AS (
    SELECT DISTINCT c.caller, c.callee, c.cell_id
    FROM candidates k
    JOIN calls c ON c.caller = k.number
    WHERE c.cell_id IS NOT NULL
),
shared AS (
    SELECT a.caller AS number, count(DISTINCT a.callee) AS shared_callees
    FROM seat_calls a
    JOIN calls o ON o.callee = a.callee AND o.cell_id = a.cell_id
    WHERE o.caller <> a.caller
    GROUP BY a.caller
),
inbound AS (
    SELECT r.callee AS number, count(*) AS received
    FROM candidates k
    JOIN records r ON r.callee = k.number
    GROUP BY r.callee
),
dialers AS (
    SELECT k.number,
           k.attempts,
           s.distinct_callees,
           k.answer_rate,
           k.conversation_rate,
           k.conversation_rate_upper,
           k.hang_ups,
           k.avg_talk_s,
           k.calls_from_abroad,
           s.cells,
           s.cell,
           coalesce(i.received, 0) AS received,
           coalesce(sh.shared_callees, 0) AS shared_callees
    FROM candidates k
    JOIN spread s ON k.number = s.number
    LEFT JOIN inbound i ON k.number = i.number
    LEFT JOIN shared sh ON k.number = sh.number
    WHERE s.distinct_callees >= 0.9 * k.attempts
      AND coalesce(sh.shared_callees, 0) <= 0.2 * s.distinct_callees
      AND s.cells <= 3
      AND coalesce(i.received, 0) <= 0.05 * k.attempts
),
rooms AS (
    SELECT cell, count(*) AS dialers_on_cell
    FROM dialers
    WHERE cell IS NOT NULL
    GROUP BY cell
)
SELECT d.number,
       d.attempts,
       d.distinct_callees,
       round(d.answer_rate, 3) AS answer_rate,
       round(d.conversation_rate, 3) AS conversation_rate,
       round(d.conversation_rate_upper, 3) AS conversation_rate_upper,
       d.hang_ups,
       round(d.avg_talk_s, 1) AS avg_talk_s,
       d.cells,
       d.received,
       d.shared_callees,
       coalesce(r.dialers_on_cell, 0) AS dialers_on_cell,
       number_type(d.number) AS line_type,
       CASE WHEN number_type(d.number) IN ('fixed_line', 'toll_free', 'shared_cost', 'uan') THEN 0.6
            WHEN d.attempts >= 20 THEN 0.95
            ELSE 0.85 END AS score,
       CASE WHEN d.calls_from_abroad = d.attempts AND is_national(d.number)
            THEN 'international' ELSE 'all' END AS scope
FROM dialers d
LEFT JOIN rooms r ON d.cell = r.cell
WHERE d.attempts >= 10
   OR r.dialers_on_cell >= 3
