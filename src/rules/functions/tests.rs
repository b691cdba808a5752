//! The functions as rules call them: through DataFusion SQL.

use arrow::array::{Array, AsArray};
use arrow::datatypes::Int64Type;
use datafusion::prelude::SessionContext;

use super::*;

async fn query(sql: &str) -> Vec<arrow::record_batch::RecordBatch> {
    let ctx = SessionContext::new();
    register_functions(&ctx, 66, builtin_lexicon());
    ctx.sql(sql).await.unwrap().collect().await.unwrap()
}

#[tokio::test]
async fn number_functions_in_sql() {
    let batches = query(
        "SELECT number_country(n) AS cc, is_national(n) AS home, number_prefix(n, 6) AS range, \
                number_distance(n, '+66812345690') AS d \
         FROM (VALUES ('+66812345678'), ('+85512345678'), (NULL), ('garbage')) AS t(n)",
    )
    .await;
    let b = &batches[0];
    let cc = b.column(0).as_string::<i32>();
    let home = b.column(1).as_boolean();
    let range = b.column(2).as_string::<i32>();
    let d = b.column(3).as_primitive::<Int64Type>();
    assert_eq!(
        (cc.value(0), home.value(0), range.value(0), d.value(0)),
        ("66", true, "+668123", 12)
    );
    assert_eq!((cc.value(1), home.value(1)), ("855", false));
    assert!(cc.is_null(2) && home.is_null(2) && range.is_null(2) && d.is_null(2));
    assert!(cc.is_null(3) && !home.value(3) && range.is_null(3) && d.is_null(3));
}

#[tokio::test]
async fn sms_functions_in_sql() {
    let batches = query(
        "SELECT link_domain(t) AS domain, brand_link(t) AS claim, lookalike_brand(link_domain(t)) AS fake, \
                is_shortener(link_domain(t)) AS short, sms_template(t) AS tpl \
         FROM (VALUES ('KBank: verify https://kbank-secure-th.com/x1 now'), ('ถึงบ้านยัง'), ('โปรดดู bit.ly/abc')) AS s(t)",
    )
    .await;
    let b = &batches[0];
    let domain = b.column(0).as_string::<i32>();
    let claim = b.column(1).as_string::<i32>();
    let fake = b.column(2).as_string::<i32>();
    let short = b.column(3).as_boolean();
    assert_eq!(
        (domain.value(0), claim.value(0), fake.value(0)),
        ("kbank-secure-th.com", "kbank", "kbank")
    );
    assert!(!short.value(0));
    assert!(domain.is_null(1) && claim.is_null(1) && fake.is_null(1) && short.is_null(1));
    assert_eq!(domain.value(2), "bit.ly");
    assert!(short.value(2) && claim.is_null(2) && fake.is_null(2));
    assert_eq!(
        b.column(4).as_string::<i32>().value(0),
        "kbank: verify <link> now"
    );
}

#[tokio::test]
async fn every_link_of_a_text_unnests_into_rows() {
    let batches = query(
        "SELECT url_domain(u) AS d FROM (SELECT unnest(extract_urls(t)) AS u \
         FROM (VALUES ('see https://a.example.com/x and bit.ly/y.'), ('no link'), (NULL)) AS s(t))",
    )
    .await;
    let domains: Vec<String> = batches
        .iter()
        .flat_map(|b| {
            b.column(0)
                .as_string::<i32>()
                .iter()
                .map(|d| d.unwrap_or("null").to_owned())
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(domains, vec!["a.example.com", "bit.ly"]);
}

#[tokio::test]
async fn a_wrong_argument_type_is_a_planning_error() {
    let ctx = SessionContext::new();
    register_functions(&ctx, 66, builtin_lexicon());
    let error = ctx
        .sql("SELECT number_prefix('+66812345678', 'six')")
        .await
        .unwrap_err();
    assert!(
        error.to_string().contains("number_prefix() expects"),
        "{error}"
    );
}

#[tokio::test]
async fn rate_bounds_come_from_aggregates() {
    let batches = query(
        "SELECT caller, rate_upper_bound(sum(CASE WHEN answered THEN 1 ELSE 0 END), count(*)) AS hi \
         FROM (VALUES ('a', true), ('a', false), ('a', false), ('a', false), ('b', NULL)) \
              AS t(caller, answered) \
         GROUP BY caller ORDER BY caller",
    )
    .await;
    let hi = batches[0]
        .column(1)
        .as_primitive::<arrow::datatypes::Float64Type>();
    // 1 of 4 from the Wilson formula; 0 of 1 is z²/(1+z²).
    assert!((hi.value(0) - 0.643_8).abs() < 1e-4, "{}", hi.value(0));
    assert!((hi.value(1) - 0.730_1).abs() < 1e-4, "{}", hi.value(1));
}

#[tokio::test]
async fn domain_suffixes_join_tables_of_them() {
    let batches = query(
        "SELECT d, domain_suffix(d, 1) AS tld, domain_suffix(d, 2) AS sld, a.tld IS NOT NULL AS listed \
         FROM (VALUES ('pay-cash.vip'), ('shop.example.co.th'), ('203.0.113.9'), (NULL)) AS s(d) \
         LEFT JOIN (VALUES ('vip'), ('top')) AS a(tld) ON a.tld = domain_suffix(s.d, 1) \
         ORDER BY d NULLS LAST",
    )
    .await;
    let b = &batches[0];
    let tld = b.column(1).as_string::<i32>();
    let sld = b.column(2).as_string::<i32>();
    let listed = b.column(3).as_boolean();
    assert_eq!(b.column(0).as_string::<i32>().value(0), "203.0.113.9");
    assert!(
        tld.is_null(0) && !listed.value(0),
        "an IP address has no TLD"
    );
    assert_eq!((tld.value(1), listed.value(1)), ("vip", true));
    assert!(sld.is_null(1), "a suffix is never the whole domain");
    assert_eq!(
        (tld.value(2), sld.value(2), listed.value(2)),
        ("th", "co.th", false)
    );
    assert!(tld.is_null(3) && !listed.value(3));
}
