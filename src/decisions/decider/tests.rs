use super::*;

const MIN: i64 = 60_000;
const HOUR: i64 = 60 * MIN;

fn rules() -> Vec<RuleInfo> {
    let rule = |name: &str, action, slide_ms| RuleInfo {
        version: "v1".into(),
        name: name.into(),
        action,
        slide_ms,
        bar_calls_to: false,
    };
    let barring = |name: &str, action| RuleInfo {
        bar_calls_to: true,
        ..rule(name, action, 5 * MIN)
    };
    vec![
        rule("strong", Action::Block, 5 * MIN),
        rule("weak", Action::Block, 15 * MIN),
        rule("watch", Action::Alert, 5 * MIN),
        // Its hits say `scope: international` (see `hit`).
        rule("forged", Action::Block, 5 * MIN),
        barring("one_ring", Action::Block),
        barring("one_ring_watch", Action::Alert),
    ]
}

/// A hit of `rules()[rule]`; the `forged` rule's hits stop international
/// ingress only.
fn hit(rule: usize, number: &str, score: f64) -> RuleHit {
    let mut evidence = Map::new();
    evidence.insert("attempts".into(), Value::from(42));
    let scope = if rule == 3 {
        Scope::International
    } else {
        Scope::All
    };
    RuleHit {
        rule,
        number: number.into(),
        score,
        scope,
        evidence,
    }
}

fn decider() -> Decider {
    Decider::new(DecisionConfig::default(), rules(), AllowList::default())
}

fn actions(decisions: &[Decision]) -> Vec<(&'static str, String)> {
    decisions
        .iter()
        .map(|d| match d {
            Decision::Block(e) | Decision::Alert(e) => (e.action, e.number.clone()),
            Decision::Unblock(u) => (u.action, u.number.clone()),
        })
        .collect()
}

#[test]
fn thresholds_decide_between_block_alert_and_nothing() {
    let mut d = decider();
    let out = d.on_windows_closed(
        0,
        HOUR,
        vec![
            hit(0, "+661", 0.9),
            hit(0, "+662", 0.6),
            hit(0, "+663", 0.3),
        ],
    );
    assert_eq!(
        actions(&out),
        vec![("block", "+661".into()), ("alert", "+662".into())]
    );
    let Decision::Block(entry) = &out[0] else {
        panic!()
    };
    assert_eq!(entry.score, 0.9);
    assert_eq!(entry.flagged_at, "1970-01-01T01:00:00Z");
    assert_eq!(entry.expires_at.as_deref(), Some("1970-01-02T01:00:00Z"));
    assert_eq!(entry.evidence["strong"]["attempts"], 42);
}

#[test]
fn weak_signals_from_several_rules_add_up() {
    let mut d = decider();
    // "weak" fires at 00:15; its hit is in effect until 00:30, when "strong"
    // fires weakly on the same number.
    assert_eq!(
        actions(&d.on_windows_closed(0, 15 * MIN, vec![hit(1, "+661", 0.6)])),
        vec![("alert", "+661".into())]
    );
    let out = d.on_windows_closed(0, 20 * MIN, vec![hit(0, "+661", 0.6)]);
    let Decision::Block(entry) = &out[0] else {
        panic!("{out:?}")
    };
    assert_eq!(entry.score, 0.84);
    assert_eq!(entry.rules, vec!["strong".to_owned(), "weak".to_owned()]);
}

#[test]
fn hits_lapse_after_one_slide() {
    let mut d = decider();
    d.on_windows_closed(0, 15 * MIN, vec![hit(1, "+661", 0.6)]);
    let out = d.on_windows_closed(0, 30 * MIN, vec![hit(0, "+661", 0.6)]);
    let Decision::Alert(entry) = &out[0] else {
        panic!("{out:?}")
    };
    assert_eq!(
        entry.rules,
        vec!["strong".to_owned()],
        "the weak hit lapsed at 00:30"
    );
    assert_eq!(entry.score, 0.6);
}

#[test]
fn blocks_on_caller_ids_seen_from_abroad_stop_only_international_ingress() {
    let mut d = decider();
    let out = d.on_windows_closed(0, HOUR, vec![hit(3, "+661", 0.9), hit(3, "+662", 0.9)]);
    let Decision::Block(entry) = &out[0] else {
        panic!("{out:?}")
    };
    assert_eq!(entry.scope, Some(Scope::International));
    assert!(out[0].to_json().contains(r#""scope":"international""#));
    // A whole-line rule too weak to block alone adds to the score, not to
    // the scope.
    let out = d.on_windows_closed(
        0,
        HOUR + 5 * MIN,
        vec![hit(3, "+662", 0.9), hit(1, "+662", 0.6)],
    );
    let Decision::Block(entry) = &out[0] else {
        panic!("{out:?}")
    };
    assert_eq!(
        (entry.score, entry.scope),
        (0.96, Some(Scope::International))
    );
    // One that blocks on its own widens the block, published at once.
    let out = d.on_windows_closed(0, HOUR + 10 * MIN, vec![hit(0, "+661", 0.9)]);
    let Decision::Block(entry) = &out[0] else {
        panic!("{out:?}")
    };
    assert_eq!(entry.scope, Some(Scope::All));
    // Alerts say nothing of what a block would stop.
    let out = d.on_windows_closed(0, HOUR, vec![hit(3, "+663", 0.6)]);
    let Decision::Alert(entry) = &out[0] else {
        panic!("{out:?}")
    };
    assert_eq!(entry.scope, None);
}

#[test]
fn a_restored_blocks_scope_is_kept_and_a_wider_one_is_published() {
    let mut d = decider();
    let restored = |scope| RestoredBlock {
        score: 0.9,
        rules: vec!["strong".into(), "forged".into()],
        scope,
        bar_calls_to: false,
    };
    d.restore("+661", 20 * HOUR, restored(Scope::International));
    d.restore("+662", 20 * HOUR, restored(Scope::All));
    let out = d.on_windows_closed(
        0,
        HOUR,
        vec![
            hit(0, "+661", 0.6),
            hit(3, "+661", 0.75),
            hit(0, "+662", 0.9),
            hit(3, "+662", 0.1),
        ],
    );
    assert!(out.is_empty(), "renewals in the scopes restored: {out:?}");
    let out = d.on_windows_closed(
        0,
        HOUR + 5 * MIN,
        vec![
            hit(0, "+661", 0.9),
            hit(0, "+662", 0.6),
            hit(3, "+662", 0.9),
        ],
    );
    let scopes: Vec<_> = out
        .iter()
        .map(|d| match d {
            Decision::Block(e) => (e.number.as_str(), e.scope),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        scopes,
        vec![
            ("+661", Some(Scope::All)),
            ("+662", Some(Scope::International))
        ],
        "a changed scope is published, wider or narrower"
    );
}

/// The block entries of `out`, by number: whether each bars calls to the
/// number, and whether its JSON says so.
fn barred(out: &[Decision]) -> Vec<(&str, bool, bool)> {
    out.iter()
        .map(|d| match d {
            Decision::Block(e) => {
                let json = serde_json::to_value(e).unwrap();
                let said = json.get("bar_calls_to") == Some(&Value::Bool(true));
                (e.number.as_str(), e.bar_calls_to, said)
            }
            other => panic!("{other:?}"),
        })
        .collect()
}

#[test]
fn blocks_by_rules_that_bar_calls_to_the_number_say_so() {
    let mut d = decider();
    let out = d.on_windows_closed(
        0,
        HOUR,
        vec![
            hit(0, "+661", 0.9),
            hit(4, "+662", 0.95),
            // An alert-only rule's wish bars nothing.
            hit(0, "+663", 0.9),
            hit(5, "+663", 0.9),
        ],
    );
    assert_eq!(
        barred(&out),
        vec![
            ("+661", false, false),
            ("+662", true, true),
            ("+663", false, false)
        ]
    );
    let out = d.on_windows_closed(
        0,
        HOUR + 5 * MIN,
        vec![
            hit(0, "+661", 0.9),
            hit(4, "+661", 0.9),
            hit(4, "+662", 0.95),
        ],
    );
    assert_eq!(
        barred(&out),
        vec![("+661", true, true)],
        "a block that comes to bar calls to the number is published again"
    );
}

#[test]
fn a_restored_block_that_bars_calls_to_the_number_renews_quietly() {
    let mut d = decider();
    let restored = RestoredBlock {
        score: 0.95,
        rules: vec!["one_ring".into()],
        scope: Scope::All,
        bar_calls_to: true,
    };
    d.restore("+661", 20 * HOUR, restored);
    let out = d.on_windows_closed(0, HOUR, vec![hit(4, "+661", 0.95)]);
    assert!(out.is_empty(), "{out:?}");
    let out = d.on_windows_closed(0, HOUR + 10 * MIN, vec![hit(0, "+661", 0.95)]);
    assert_eq!(
        barred(&out),
        vec![("+661", false, false)],
        "calls to it are no longer barred once only other rules hold it"
    );
}

#[test]
fn alert_only_rules_never_block() {
    let mut d = decider();
    let out = d.on_windows_closed(0, HOUR, vec![hit(2, "+661", 1.0)]);
    assert_eq!(actions(&out), vec![("alert", "+661".into())]);
    assert!(!d.is_blocked("+661"));
}

#[test]
fn allow_listed_numbers_are_never_blocked_and_counted() {
    let allow = AllowList::from_entries(["+6611*"]).unwrap();
    let mut d = Decider::new(DecisionConfig::default(), rules(), allow);
    let out = d.on_windows_closed(0, HOUR, vec![hit(0, "+66119", 1.0), hit(0, "+66129", 1.0)]);
    assert_eq!(actions(&out), vec![("block", "+66129".into())]);
    assert_eq!(d.stats().allow_list_suppressed, 1);
}

#[test]
fn renewals_extend_quietly_and_republish_when_material() {
    let mut d = decider();
    d.on_windows_closed(0, HOUR, vec![hit(0, "+661", 0.85)]);
    // Five minutes later: extended, not re-published.
    assert!(
        d.on_windows_closed(0, HOUR + 5 * MIN, vec![hit(0, "+661", 0.86)])
            .is_empty()
    );
    assert_eq!(d.stats().renewals, 1);
    // Six hours later the expiry moved materially: re-published.
    let out = d.on_windows_closed(0, 7 * HOUR, vec![hit(0, "+661", 0.85)]);
    let Decision::Block(entry) = &out[0] else {
        panic!("{out:?}")
    };
    assert_eq!(entry.expires_at.as_deref(), Some("1970-01-02T07:00:00Z"));
    // A higher score is material too.
    let out = d.on_windows_closed(0, 7 * HOUR + 5 * MIN, vec![hit(0, "+661", 0.99)]);
    assert_eq!(actions(&out), vec![("block", "+661".into())]);
    assert_eq!(d.stats().blocks, 1);
    assert_eq!(d.stats().renewals_published, 2);
}

#[test]
fn blocks_expire_after_the_ttl_counted_from_the_last_renewal() {
    let mut d = decider();
    d.on_windows_closed(0, HOUR, vec![hit(0, "+661", 0.9)]);
    d.on_windows_closed(0, HOUR + 5 * MIN, vec![hit(0, "+661", 0.9)]);
    assert!(
        d.advance(25 * HOUR).is_empty(),
        "the quiet renewal moved the expiry"
    );
    let out = d.advance(25 * HOUR + 5 * MIN);
    let Decision::Unblock(u) = &out[0] else {
        panic!("{out:?}")
    };
    assert_eq!(
        (u.reason, u.at.as_str()),
        ("expired", "1970-01-02T01:05:00Z")
    );
    assert!(!d.is_blocked("+661"));
    assert_eq!(d.blocked_len(), 0);
    // Blocked again later: a new block.
    let out = d.on_windows_closed(0, 30 * HOUR, vec![hit(0, "+661", 0.9)]);
    assert_eq!(actions(&out), vec![("block", "+661".into())]);
    assert_eq!(d.stats().blocks, 2);
}

#[test]
fn expiries_come_before_the_decisions_of_a_later_window() {
    let mut d = decider();
    d.on_windows_closed(0, HOUR, vec![hit(0, "+661", 0.9)]);
    let out = d.on_windows_closed(0, 26 * HOUR, vec![hit(0, "+662", 0.9)]);
    assert_eq!(
        actions(&out),
        vec![("unblock", "+661".into()), ("block", "+662".into())]
    );
}

#[test]
fn alerts_are_not_repeated_unless_the_score_rises() {
    let mut d = decider();
    assert_eq!(
        d.on_windows_closed(0, HOUR, vec![hit(0, "+661", 0.6)])
            .len(),
        1
    );
    assert!(
        d.on_windows_closed(0, HOUR + 5 * MIN, vec![hit(0, "+661", 0.62)])
            .is_empty()
    );
    assert_eq!(
        d.on_windows_closed(0, HOUR + 10 * MIN, vec![hit(0, "+661", 0.75)])
            .len(),
        1
    );
    assert_eq!(d.stats().alerts, 2);
}

#[test]
fn a_restored_alert_is_not_announced_again_until_it_expires() {
    let mut d = decider();
    d.restore_alert("+661", HOUR, 0.6, vec!["strong".into()]);
    d.restore_alert("+662", HOUR, 0.6, vec!["strong".into()]);
    let later = 2 * HOUR;
    let out = d.on_windows_closed(0, later, vec![hit(0, "+661", 0.62), hit(1, "+662", 0.6)]);
    assert_eq!(
        actions(&out),
        vec![("alert", "+662".to_owned())],
        "the same rule adds nothing; another rule does"
    );
    let ttl = DecisionConfig::default().block_ttl_ms;
    d.advance(HOUR + ttl);
    let out = d.on_windows_closed(0, HOUR + ttl + 5 * MIN, vec![hit(0, "+661", 0.6)]);
    assert_eq!(actions(&out), vec![("alert", "+661".to_owned())]);
}

#[test]
fn the_strongest_row_of_a_rule_wins_within_a_window() {
    let mut d = decider();
    let out = d.on_windows_closed(0, HOUR, vec![hit(0, "+661", 0.9), hit(0, "+661", 0.3)]);
    let Decision::Block(entry) = &out[0] else {
        panic!("{out:?}")
    };
    assert_eq!(entry.score, 0.9);
}
