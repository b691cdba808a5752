-- name: smishing_links
-- window: 1h every 5m
-- score: 0.95
-- action: block
-- description: Smishing from SIM farms and fake base stations: one sender
--   texts many different people links that lead somewhere the named sender
--   would never send them. A text in a bank's, agency's, courier's or shop's
--   name with a link outside that brand's own domains (a phisher cannot put
--   a page on the brand's site; Thai banks and agencies send no links by
--   SMS at all, so their name beside any other link is the classic lure,
--   while a land-transport office's notice linking to its own `dlt.go.th`
--   deceives nobody), a domain imitating a brand (its name inside
--   another domain, one or two letters off, mixed scripts), or, sent to many
--   people, a link hidden behind a URL shortener or on a throwaway domain:
--   one under a top-level domain where phishers register a disproportionate
--   share of names (`abused_tlds`: at least one domain in a hundred was
--   reported for phishing, in the Interisle Cybercrime Information
--   Center's rankings), as a farm that names no brand rotates cheap domains
--   faster than they can be taken down. Banks' OTPs carry no link;
--   couriers, utilities and shops link to their own domains; friends share
--   the odd shortened link with a few people, not dozens. A shop whose own
--   site sits under such a TLD and that texts it to dozens of people an
--   hour from a SIM looks the same: put its number on the allow-list.
--   A brand's name inside a domain under a suffix whose registry checks
--   who registers (`vetted_suffixes`: `.co.th` takes company or Thai
--   trademark documents) is a registered company's name, not an imitation
--   (`krungthai-axa.co.th` is an insurer the bank co-owns, whose
--   agents text it to the people they talked to). The brand named in the
--   text still counts there, as a phishing page can sit on a hacked site.
-- The link's domain is the sms table's link_domain column, found once per
-- text at ingest; the brand and TLD checks run only on texts with a link.
WITH links AS (
    SELECT caller, callee, text, link_domain AS domain
    FROM sms
    WHERE link_domain IS NOT NULL
),
judged AS (
    SELECT caller,
           callee,
           domain,
           brand_link(text) AS brand_claim,
           CASE WHEN brand_link(text) IS NOT NULL
                  OR (v.suffix IS NULL
                      AND (lookalike_brand(domain) IS NOT NULL
                           OR is_confusable_domain(domain)))
                THEN 1 ELSE 0 END AS deceptive,
           CASE WHEN is_shortener(domain) THEN 1 ELSE 0 END AS shortened,
           CASE WHEN a.tld IS NOT NULL THEN 1 ELSE 0 END AS abused_tld
    FROM links
    LEFT JOIN (SELECT DISTINCT tld FROM abused_tlds) AS a
           ON a.tld = domain_suffix(links.domain, 1)
    LEFT JOIN (SELECT DISTINCT suffix FROM vetted_suffixes) AS v
           ON v.suffix = domain_suffix(links.domain, 2)
),
senders AS (
    SELECT caller AS number,
           count(*) AS texts_with_links,
           count(DISTINCT callee) AS recipients,
           sum(deceptive) AS deceptive_links,
           sum(shortened) AS shortened_links,
           sum(abused_tld) AS abused_tld_links,
           sum(greatest(deceptive, shortened, abused_tld)) AS suspect_links,
           max(brand_claim) AS brand,
           max(domain) AS sample_domain
    FROM judged
    GROUP BY caller
)
SELECT number,
       texts_with_links,
       recipients,
       deceptive_links,
       shortened_links,
       abused_tld_links,
       brand,
       sample_domain
FROM senders
WHERE (deceptive_links >= 3 AND recipients >= 3)
   OR (suspect_links >= 10
       AND recipients >= 10
       AND suspect_links >= 0.8 * texts_with_links)
