-- name: spoofed_callerid
-- window: 1h every 5m
-- score: 0.9
-- action: block
-- description: Call centres abroad forge local caller IDs so that victims
--   pick up: a national number (+66 in Thailand, +86 in China: the
--   pipeline's country code) arriving on an international trunk, with no
--   home IMSI behind it, calling many different subscribers. Thai roamers
--   also reach home over international routes, but they carry their home
--   IMSI and call a handful of their own contacts. Operators also hand
--   the odd domestic call to an international transit carrier (least-cost
--   routing), so one call proves nothing; three calls to three different
--   subscribers within the hour do.
SELECT caller AS number,
       count(*) AS calls_from_abroad,
       count(DISTINCT callee) AS distinct_callees,
       round(avg(CASE WHEN answered THEN 1.0 ELSE 0.0 END), 3) AS answer_rate
FROM calls
WHERE route = 'international'
  AND is_national(caller)
  AND imsi IS NULL
GROUP BY caller
HAVING count(*) >= 3
   AND count(DISTINCT callee) >= 0.8 * count(*)
