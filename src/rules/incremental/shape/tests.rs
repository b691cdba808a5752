use super::*;

fn names(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("c{i}")).collect()
}

fn aggregates(name: &str) -> bool {
    matches!(name, "count" | "sum" | "avg" | "min" | "max")
}

fn split_of(sql: &str, columns: usize) -> Option<Split> {
    split(sql, &names(columns), "__pane", "__sums", aggregates)
}

#[test]
fn a_grouped_count_sum_avg_query_is_split() {
    let sql = "SELECT caller AS number, count(*) AS attempts, \
               avg(CASE WHEN answered THEN 1.0 ELSE 0.0 END) AS rate, sum(duration_s) AS talk \
               FROM calls WHERE imsi IS NOT NULL GROUP BY caller \
               HAVING count(*) >= 5 AND avg(CASE WHEN answered THEN 1.0 ELSE 0.0 END) <= 0.4";
    let split = split_of(sql, 4).expect("the shape is supported");
    assert_eq!(split.source, Source::Calls);
    assert_eq!(split.keys, 1);
    assert_eq!(split.min_rows, 5);
    assert_eq!(
        split.pane_sql,
        "SELECT caller AS __k0, count(*) AS __n, \
         count(CASE WHEN answered THEN 1.0 ELSE 0.0 END) AS __c0, \
         sum(CASE WHEN answered THEN 1.0 ELSE 0.0 END) AS __s0, \
         count(duration_s) AS __c1, sum(duration_s) AS __s1 \
         FROM __pane AS calls WHERE imsi IS NOT NULL GROUP BY caller"
    );
    assert_eq!(
        split.final_sql,
        "SELECT (__k0) AS \"c0\", (__n) AS \"c1\", \
         (CASE WHEN __c0 > 0 THEN CAST(__s0 AS DOUBLE) / __c0 END) AS \"c2\", \
         (CASE WHEN __c1 > 0 THEN __s1 END) AS \"c3\" \
         FROM __sums WHERE (__n) >= 5 AND (CASE WHEN __c0 > 0 THEN CAST(__s0 AS DOUBLE) / __c0 END) <= 0.4"
    );
}

#[test]
fn the_row_bound_is_read_from_any_conjunct_and_either_side() {
    let having = |h: &str| {
        split_of(
            &format!("SELECT caller FROM calls GROUP BY caller HAVING {h}"),
            1,
        )
        .expect("supported")
        .min_rows
    };
    assert_eq!(having("count(*) >= 5"), 5);
    assert_eq!(having("count(*) > 5"), 6);
    assert_eq!(having("7 <= count(1)"), 7);
    assert_eq!(having("sum(duration_s) > 10 AND 3 < count(*)"), 4);
    assert_eq!(having("count(*) >= 5 OR sum(duration_s) > 10"), 1);
    assert_eq!(having("count(imsi) >= 5"), 1, "count(e) skips nulls");
    assert_eq!(having("count(*) = 5"), 1);
}

#[test]
fn aliases_and_qualified_keys_are_kept() {
    let sql = "SELECT c.caller AS number, substr(c.caller, 1, 4) AS prefix, count(c.callee) AS n \
               FROM records c WHERE c.kind = 'call' GROUP BY c.caller";
    let split = split_of(sql, 3).expect("supported");
    assert_eq!(split.source, Source::Records);
    assert!(
        split
            .pane_sql
            .contains("FROM __pane AS c WHERE c.kind = 'call'")
    );
    assert!(
        split.final_sql.contains("SUBSTR((__k0), 1, 4)"),
        "{}",
        split.final_sql
    );
}

#[test]
fn other_shapes_are_left_alone() {
    for sql in [
        "SELECT caller, count(DISTINCT callee) FROM calls GROUP BY caller",
        "SELECT caller, max(duration_s) FROM calls GROUP BY caller",
        "SELECT DISTINCT caller, count(*) FROM calls GROUP BY caller",
        "SELECT caller, count(*) FROM calls GROUP BY caller ORDER BY caller",
        "SELECT caller, count(*) FROM calls GROUP BY caller LIMIT 3",
        "SELECT c.caller, count(*) FROM calls c JOIN sms s ON c.caller = s.caller GROUP BY c.caller",
        "SELECT caller, count(*) FROM calls WHERE callee IN (SELECT callee FROM sms) GROUP BY caller",
        "SELECT caller, min(window_start) FROM calls GROUP BY caller",
        "SELECT caller, count(*) FROM calls WHERE event_time < window_end GROUP BY caller",
        "SELECT caller, count(*) FROM allow_list GROUP BY caller",
        "SELECT caller, count(*) FROM calls",
        "SELECT caller, count(*) OVER () FROM calls GROUP BY caller",
        "SELECT caller, sum(duration_s) FILTER (WHERE answered) FROM calls GROUP BY caller",
        "WITH x AS (SELECT * FROM calls) SELECT caller, count(*) FROM x GROUP BY caller",
        "SELECT * FROM calls GROUP BY caller",
    ] {
        assert!(split_of(sql, 2).is_none(), "{sql}");
    }
}

#[test]
fn a_column_outside_keys_and_aggregates_is_left_for_the_planner() {
    // `callee` is neither grouped nor aggregated: the final query names a
    // column the sums table lacks, so planning it fails and the stage runs
    // as written (where DataFusion reports the error).
    let split = split_of("SELECT caller, callee FROM calls GROUP BY caller", 2).unwrap();
    assert!(split.final_sql.contains("callee"));
}
