-- name: wangiri_burst
-- window: 20m every 5m
-- score: 0.95
-- action: block
-- bar_calls_to: yes
-- description: Wangiri ("one ring and cut"): foreign numbers ring many
--   subscribers once, unanswered and at most 3 seconds long, hoping they call
--   back a premium-rate number. Campaigns spread the calls over a range of
--   consecutive numbers, so a number is flagged for its own burst, or for
--   even one ring within a burst coming from its number range (all digits
--   but the last two): a campaign that walks its range may ring a
--   subscriber only once from each number. A number in a range that
--   regulators and operators have named for one-ring and premium-rate
--   callback fraud (the `wangiri_ranges` table, with the source of each
--   entry) is flagged for half the burst, five rings to five subscribers:
--   nobody who means to reach someone rings five strangers once each.
--   Overseas service desks also call from abroad, but their calls are
--   answered and last. Its blocks bar our subscribers' calls to the
--   number too: the campaign's money is in the calls back.
-- Numbers are E.164 (`+` and digits), so the range is the number without
-- its last two characters. `left` is a string cut; a regular expression
-- here would be compiled again for every window.
WITH foreign_calls AS (
    SELECT caller,
           callee,
           left(caller, -2) AS number_range,
           CASE WHEN NOT answered AND duration_s <= 3 THEN 1 ELSE 0 END AS one_ring
    FROM calls
    WHERE NOT is_national(caller)
),
per_number AS (
    SELECT caller AS number,
           number_range,
           count(*) AS attempts,
           count(DISTINCT callee) AS distinct_callees,
           sum(one_ring) AS one_rings
    FROM foreign_calls
    GROUP BY caller, number_range
),
per_range AS (
    SELECT number_range,
           count(*) AS numbers_in_range,
           sum(attempts) AS range_attempts,
           sum(one_rings) AS range_one_rings
    FROM per_number
    GROUP BY number_range
),
listed AS (
    SELECT n.number, max(w.prefix) AS listed_range
    FROM per_number n
    JOIN wangiri_ranges w ON starts_with(n.number, w.prefix)
    WHERE n.one_rings >= 5
    GROUP BY n.number
)
SELECT n.number,
       n.attempts,
       n.distinct_callees,
       n.one_rings,
       r.numbers_in_range,
       r.range_one_rings,
       l.listed_range
FROM per_number n
JOIN per_range r ON n.number_range = r.number_range
LEFT JOIN listed l ON n.number = l.number
WHERE n.one_rings >= 0.9 * n.attempts
  AND n.distinct_callees >= 0.9 * n.attempts
  AND (n.attempts >= 10
       OR (l.listed_range IS NOT NULL AND n.attempts >= 5)
       OR (r.range_one_rings >= 20 AND r.range_one_rings >= 0.9 * r.range_attempts))
