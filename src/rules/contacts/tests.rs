use super::*;
use crate::record::{Decoder, NumberNormalizer};
use crate::windowing::{WindowOperator, WindowSpec};

const HOUR_MS: i64 = 3_600_000;
/// 2026-11-02T00:00:00Z.
const DAY_START_MS: i64 = 1_793_577_600_000;

/// A call at `hour`:`minute` of 2026-11-02 UTC.
fn call(hour: u32, minute: u32, caller: &str, callee: &str) -> String {
    format!(
        r#"{{"kind":"call","ts":"2026-11-02T{hour:02}:{minute:02}:00Z","caller":"{caller}","callee":"{callee}","duration_s":60}}"#
    )
}

/// The hourly windows of `lines`, in order.
fn hourly_windows(lines: &[String]) -> Vec<ClosedWindow> {
    let mut decoder = Decoder::new(NumberNormalizer::new(66).unwrap());
    for line in lines {
        decoder.push_json(line.as_bytes()).unwrap();
    }
    let mut operator = WindowOperator::new([WindowSpec::parse("1h").unwrap()], HOUR_MS);
    assert!(operator.insert(&decoder.finish()).unwrap().is_empty());
    operator.close_all()
}

fn remembered(lines: &[String]) -> Arc<ContactMemory> {
    let memory = ContactMemory::new(HOUR_MS);
    for window in hourly_windows(lines) {
        memory.remember(&window);
    }
    memory
}

#[test]
fn callers_count_before_the_time_asked_about_within_a_day() {
    let memory = remembered(&[
        call(1, 0, "0811000001", "0899000000"),
        call(1, 30, "0811000002", "0899000000"),
        call(1, 40, "0811000002", "0899000000"),
        call(3, 0, "0811000003", "0899000000"),
    ]);
    let at = |hour: i64| memory.independent_callers("+66899000000", DAY_START_MS + hour * HOUR_MS);
    assert_eq!((at(1), at(2), at(3), at(4)), (0, 2, 2, 3));
    assert_eq!(
        at(26),
        1,
        "by 02:00 next day, only the caller of 03:00 is within the day"
    );
    assert_eq!(
        memory.independent_callers("+66811000001", DAY_START_MS + 4 * HOUR_MS),
        0
    );
}

#[test]
fn a_call_returned_is_not_an_independent_caller() {
    let memory = remembered(&[
        // The number calls three people; one of them rings back.
        call(1, 0, "0899000000", "0811000001"),
        call(1, 1, "0899000000", "0811000002"),
        call(1, 2, "0899000000", "0811000003"),
        call(1, 20, "0811000002", "0899000000"),
        // Somebody calls it first, and it calls them back.
        call(2, 0, "0811000009", "0899000000"),
        call(2, 5, "0899000000", "0811000009"),
    ]);
    assert_eq!(
        memory.independent_callers("+66899000000", DAY_START_MS + 3 * HOUR_MS),
        1
    );
}

#[test]
fn a_number_that_called_more_people_than_remembered_counts_only_earlier_callers() {
    let mut lines = vec![call(1, 0, "0811000100", "0899000000")];
    for i in 0..MAX_CALLEES + 5 {
        lines.push(call(
            2,
            (i % 60) as u32,
            "0899000000",
            &format!("08120000{i:02}"),
        ));
    }
    // A callee beyond the memory's reach rings back.
    lines.push(call(
        3,
        0,
        &format!("08120000{:02}", MAX_CALLEES + 3),
        "0899000000",
    ));
    let memory = remembered(&lines);
    assert_eq!(
        memory.independent_callers("+66899000000", DAY_START_MS + 4 * HOUR_MS),
        1
    );
}

#[test]
fn feeding_a_window_twice_changes_nothing() {
    let lines = [
        call(1, 0, "0811000001", "0899000000"),
        call(1, 10, "0811000002", "0899000000"),
    ];
    let memory = ContactMemory::new(HOUR_MS);
    for window in hourly_windows(&lines).iter().chain(&hourly_windows(&lines)) {
        memory.remember(window);
    }
    assert_eq!(
        memory.independent_callers("+66899000000", DAY_START_MS + 2 * HOUR_MS),
        2
    );
}

#[test]
fn pairs_older_than_the_day_are_dropped() {
    let mut lines = vec![call(0, 0, "0811000001", "0899000000")];
    // A call an hour from then on, for 27 hours, so pruning runs.
    for hour in 1..24 {
        lines.push(call(hour, 0, "0811000002", "0811000003"));
    }
    let memory = remembered(&lines);
    let held = |memory: &ContactMemory| {
        let lines = memory.lines.lock().unwrap();
        lines
            .by_number
            .contains_key(&memory.hasher.hash_one("+66899000000"))
    };
    assert!(held(&memory), "remembered within the day");
    let next_day: Vec<String> = (0..4)
        .map(|h| {
            format!(
                r#"{{"kind":"call","ts":"2026-11-03T{h:02}:00:00Z","caller":"0811000002","callee":"0811000003","duration_s":60}}"#
            )
        })
        .collect();
    for window in hourly_windows(&next_day) {
        memory.remember(&window);
    }
    assert!(
        !held(&memory),
        "the number called only on the first day is forgotten"
    );
}

/// The memory against the definition, on random traffic among nine numbers
/// (so no number has more callers or callees than the memory keeps) over
/// twenty hours, asked as a rule asks: about the time before each window,
/// once the window is fed.
#[test]
fn the_memory_agrees_with_the_definition_on_random_traffic() {
    use rand::{Rng, SeedableRng};
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(7);
    let number = |i: u32| format!("+66811000{i:03}");
    let mut calls: Vec<(u32, u32, i64)> = (0..400)
        .map(|_| {
            let a = rng.random_range(0..9);
            let b = (a + rng.random_range(1..9)) % 9;
            (a, b, DAY_START_MS + rng.random_range(0..20 * 60) * 60_000)
        })
        .collect();
    calls.sort_by_key(|c| c.2);
    let lines: Vec<String> = calls
        .iter()
        .map(|&(a, b, ms)| {
            format!(
                r#"{{"kind":"call","ts":{ms},"caller":"{}","callee":"{}","duration_s":0}}"#,
                number(a),
                number(b)
            )
        })
        .collect();
    // Callers of `n` whose first call came before `before` and before any
    // call `n` made to them.
    let expected = |n: u32, before: i64| {
        let mut first: AHashMap<u32, i64> = AHashMap::new();
        for &(a, _, t) in calls.iter().filter(|c| c.1 == n && c.2 < before) {
            first.entry(a).and_modify(|f| *f = (*f).min(t)).or_insert(t);
        }
        first
            .iter()
            .filter(|&(&c, &f)| !calls.iter().any(|&(a, b, u)| a == n && b == c && u <= f))
            .count() as i64
    };
    let memory = ContactMemory::new(HOUR_MS);
    let mut asked = 0;
    for window in hourly_windows(&lines) {
        memory.remember(&window);
        for n in 0..9 {
            let got = memory.independent_callers(&number(n), window.start_ms);
            assert_eq!(
                got,
                expected(n, window.start_ms),
                "number {n}, window {}",
                window.start_ms
            );
            asked += usize::from(got > 0);
        }
    }
    assert!(
        asked > 50,
        "the traffic makes callers to count ({asked} answers)"
    );
}

#[test]
fn history_read_back_counts_as_the_windows_would_and_sms_do_not() {
    let lines = [
        call(1, 0, "0811000001", "0899000000"),
        call(1, 30, "0811000002", "0899000000"),
        r#"{"kind":"sms","ts":"2026-11-02T01:40:00Z","caller":"0811000003","callee":"0899000000","text":"hi"}"#.to_owned(),
    ];
    let mut decoder = Decoder::new(NumberNormalizer::new(66).unwrap());
    for line in &lines {
        decoder.push_json(line.as_bytes()).unwrap();
    }
    let batch = decoder.finish();
    let memory = ContactMemory::new(HOUR_MS);
    memory.remember_history(&batch, DAY_START_MS + HOUR_MS + 10 * 60_000);
    let at_three = || memory.independent_callers("+66899000000", DAY_START_MS + 3 * HOUR_MS);
    assert_eq!(
        at_three(),
        1,
        "the call before the history's start is left out"
    );
    memory.remember_history(&batch, i64::MIN);
    assert_eq!(at_three(), 2, "the two calls count, the SMS does not");
    // The windows over the same calls, fed after a restart, add nothing.
    for window in hourly_windows(&lines[..2]) {
        memory.remember(&window);
    }
    assert_eq!(at_three(), 2);
}
