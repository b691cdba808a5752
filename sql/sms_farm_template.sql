-- name: sms_farm_template
-- window: 1h every 5m
-- score: 0.9
-- action: block
-- description: An SMS farm spreads one campaign over several SIMs (or a
--   fake base station over several forged senders) so that no sender
--   stands out, and its texts need not name a brand or use a known
--   look-alike domain. What gives it away is the shared template: the same
--   wording with a link (amounts, codes and the link itself masked), sent
--   by at least two senders within the hour, each to at least five
--   different people, linking to a site that is no known brand's own.
--   Brands' notices (parcel tracking, bills, shop promotions) link to the
--   brand's own domains, and each brand's sender numbers are its own;
--   friends forward a message to a few people, not to dozens from several
--   phones. A business the `brands` table does not know, sending its
--   notices from several numbers, links to its own site too, and where
--   that site sits under a second-level domain whose registry checks who
--   registers (`vetted_suffixes`: `.co.th` needs company or Thai trademark
--   documents, `.go.th` a government agency) a farm cannot have made it
--   for a campaign, so such links do not count here (a phishing page on a
--   hacked site there is `smishing_links`' to judge by the text).
--   Nobody answers a farm's SIM: it sits in a modem, and a recipient who
--   rings back the number gets no answer. A shop's or a clinic's phone is
--   somebody's phone, answered when customers call, so a sender that
--   answered a call within the hour (from anyone but another bulk sender:
--   a farm's SIMs calling each other prove nothing) is no farm's SIM. And
--   a fixed line has no SIM to text from: its texts come through a
--   business's bulk-SMS account, under a contract that names the sender,
--   so a fixed-line sender's hit scores 0.6, an alert for the fraud team
--   to review, not a block (a retailer's promotion from two gateway
--   numbers looks like a campaign; a deceptive link in it is still
--   `smishing_links`' to block).
-- Only texts with a link count (the link_domain column, found once per
-- text at ingest), and only for senders with at least five of them; the
-- template is computed for those alone.
WITH linked AS (
    SELECT caller, callee, text, link_domain
    FROM sms
    WHERE link_domain IS NOT NULL
),
bulk AS (
    SELECT caller
    FROM linked
    GROUP BY caller
    HAVING count(*) >= 5
),
answering AS (
    SELECT c.callee AS number, count(*) AS answered_calls
    FROM bulk b
    JOIN calls c ON c.callee = b.caller
    LEFT JOIN bulk o ON o.caller = c.caller
    WHERE c.answered AND o.caller IS NULL
    GROUP BY c.callee
),
templated AS (
    SELECT l.caller,
           l.callee,
           sms_template(l.text) AS template,
           l.link_domain AS domain
    FROM bulk b
    JOIN linked l ON l.caller = b.caller
    LEFT JOIN answering a ON a.number = b.caller
    WHERE a.number IS NULL
),
per_sender AS (
    SELECT template,
           caller,
           count(DISTINCT callee) AS recipients,
           max(domain) AS domain
    FROM templated t
    LEFT JOIN (SELECT DISTINCT suffix FROM vetted_suffixes) AS v
           ON v.suffix = domain_suffix(t.domain, 2)
    WHERE domain_owner(t.domain) IS NULL
      AND v.suffix IS NULL
    GROUP BY template, caller
    HAVING count(DISTINCT callee) >= 5
),
campaigns AS (
    SELECT template,
           count(*) AS senders,
           sum(recipients) AS campaign_recipients
    FROM per_sender
    GROUP BY template
    HAVING count(*) >= 2
)
SELECT p.caller AS number,
       max(c.senders) AS senders,
       sum(p.recipients) AS recipients,
       max(c.campaign_recipients) AS campaign_recipients,
       max(p.domain) AS sample_domain,
       number_type(p.caller) AS line_type,
       CASE WHEN number_type(p.caller) IN ('fixed_line', 'toll_free', 'shared_cost', 'uan') THEN 0.6
            ELSE 0.9 END AS score
FROM campaigns c
JOIN per_sender p ON p.template = c.template
GROUP BY p.caller
