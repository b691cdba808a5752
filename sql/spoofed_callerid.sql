-- name: spoofed_callerid
-- window: 1h every 5m
-- score: 0.9
-- action: block
-- description: Call centres abroad forge local caller IDs so that victims
--   pick up: a national number (+66 in Thailand, +86 in China: the
--   pipeline's country code) arriving on an international trunk, with no
--   home IMSI behind it, calling many different subscribers. Operators also
--   hand the odd domestic call to an international transit carrier
--   (least-cost routing), so one call proves nothing; three calls to three
--   different subscribers within the hour do. Two kinds of genuine callers
--   look the same on the record. Subscribers abroad calling home (their
--   IMSI is not always on the record) call people who know them, so most of
--   their calls become conversations; a forged ID calls strangers, and at
--   most half of its calls may be conversations (answered, 30 s or more).
--   Offshore contact centres presenting their company's national hotline,
--   and roamers, own the number they show, so our subscribers call it too;
--   a forged ID belongs to somebody else, and only the odd victim calls it
--   back. A number that, within the hour, was called or texted by, or
--   texted, at least a quarter as many of our subscribers as it called is
--   a working line (a person abroad texts home, and home texts back), and
--   blocking it would cut off everyone who reaches it.
-- The cheap filtered aggregate picks the candidates; only the parties of
-- their inbound records and outbound texts are then counted, read by
-- joining the window back to the candidates (a CTE read more than once is
-- computed once, and the window side then reads only rows whose number
-- can match), and one left join keeps every candidate. The small side
-- comes first in each join, as DataFusion builds its hash table from the
-- left input.
WITH candidates AS (
    SELECT caller AS number,
           count(*) AS calls_from_abroad,
           count(DISTINCT callee) AS distinct_callees,
           sum(CASE WHEN answered THEN 1 ELSE 0 END) / CAST(count(*) AS DOUBLE) AS answer_rate,
           sum(CASE WHEN answered AND duration_s >= 30 THEN 1 ELSE 0 END)
               / CAST(count(*) AS DOUBLE) AS conversation_rate
    FROM calls
    WHERE route = 'international'
      AND is_national(caller)
      AND imsi IS NULL
    GROUP BY caller
    HAVING count(*) >= 3
       AND count(DISTINCT callee) >= 0.8 * count(*)
       AND sum(CASE WHEN answered AND duration_s >= 30 THEN 1 ELSE 0 END) <= 0.5 * count(*)
)
SELECT k.number,
       k.calls_from_abroad,
       k.distinct_callees,
       round(k.answer_rate, 3) AS answer_rate,
       round(k.conversation_rate, 3) AS conversation_rate,
       count(DISTINCT p.party) AS acquaintances
FROM candidates k
LEFT JOIN (SELECT r.callee AS number, r.caller AS party
           FROM candidates a JOIN records r ON r.callee = a.number
           UNION ALL
           SELECT s.caller AS number, s.callee AS party
           FROM candidates a JOIN sms s ON s.caller = a.number) AS p
       ON p.number = k.number
GROUP BY k.number, k.calls_from_abroad, k.distinct_callees, k.answer_rate, k.conversation_rate
HAVING count(DISTINCT p.party) < 0.25 * k.calls_from_abroad
