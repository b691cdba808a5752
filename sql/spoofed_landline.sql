-- name: spoofed_landline
-- window: 15m
-- score: 0.9
-- action: block
-- scope: international
-- mode: shadow
-- description: A Thai fixed-line number (a Bangkok +662 line, say) calling
--   in on an international trunk. A landline cannot roam, so a local
--   landline caller ID arriving from abroad is forged: call centres abroad
--   borrow banks' and agencies' landline numbers so that victims trust and
--   answer them. Regulators have operators block exactly these calls (Ofcom
--   requires it for UK landline numbers). Thai mobiles abroad do arrive this
--   way when roaming, so mobile numbers are left to spoofed_callerid, which
--   needs volume; a bank's own landline desk calls on national routes.
--   Shadow: backtests on generated traffic measure precision 0.00 to 0.20,
--   because calls between Thai landlines also arrive through international
--   transit carriers (least-cost routing) with the true caller ID. It needs
--   the transit carriers' trunks told apart (a route or trunk column)
--   before it may act.
--   When it acts, its blocks stop the number only on international trunks
--   (`scope: international`): the line at home is the bank's or agency's.
SELECT caller AS number,
       count(*) AS calls_from_abroad,
       count(DISTINCT callee) AS distinct_callees,
       number_type(caller) AS line_type
FROM calls
-- CASE evaluates number_type (a number-plan lookup) only for the few
-- national numbers arriving from abroad, not for every call.
WHERE CASE WHEN route = 'international' AND is_national(caller)
           THEN number_type(caller) = 'fixed_line'
           ELSE false
      END
GROUP BY caller
