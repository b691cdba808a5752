-- name: spoofed_callerid
-- window: 1h every 5m
-- score: 0.9
-- action: block
-- scope: international
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
--   back. A number that at least a quarter as many of our subscribers
--   called within the hour as it called is a working line, and blocking it
--   would cut off everyone who calls it. An hour can be quiet, though: a
--   subscriber abroad may call three people in an hour when nobody calls
--   them. Over the day before, people called the genuine line on their own
--   (`independent_callers`: callers it had not called first), while a
--   forged ID is called only by victims ringing back, so a number that two
--   people or more called on their own in the day before the window is a
--   working line too. (A forged ID that belongs to a subscriber at home is
--   spared as well; the scope below would have kept that subscriber's line
--   working at home anyway.)
--   A forged ID usually belongs to somebody at home, a subscriber or a
--   bank's hotline, so the rule's blocks stop the number only on
--   international trunks (`scope: international`).
-- The cheap filtered aggregate picks the candidates; only their inbound
-- calls are then counted, in one join that keeps every candidate (a CTE is
-- computed again wherever it is read). The candidates, the small side,
-- come first in the join, as DataFusion builds its hash table from the
-- left input.
WITH candidates AS (
    SELECT caller AS number,
           min(window_start) AS window_start,
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
       count(DISTINCT c.caller) AS inbound_callers,
       independent_callers(k.number, k.window_start) AS callers_in_the_day_before
FROM candidates k
LEFT JOIN calls c ON c.callee = k.number
GROUP BY k.number, k.window_start, k.calls_from_abroad, k.distinct_callees, k.answer_rate,
         k.conversation_rate
HAVING count(DISTINCT c.caller) < 0.25 * k.calls_from_abroad
   AND independent_callers(k.number, k.window_start) < 2
