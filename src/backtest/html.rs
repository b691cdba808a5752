//! The backtest as one self-contained HTML page: tables and inline SVG
//! charts, no scripts or external files, so it can be mailed or archived.

use std::fmt::Write as _;

use super::report::{Report, count_by_kind};

const WIDTH: f64 = 640.0;
const BAR: f64 = 22.0;
const LABEL: f64 = 190.0;
const GOOD: &str = "#2e7d32";
const BAD: &str = "#c62828";
const NEUTRAL: &str = "#1565c0";

/// Renders `report` as HTML; `title` names the run (input, rules, seed).
pub fn render_html(report: &Report, title: &str) -> String {
    let mut page = String::with_capacity(16 * 1024);
    let _ = write!(
        page,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>scamstream backtest: {t}</title><style>\
         body{{font-family:system-ui,sans-serif;margin:2em;max-width:60em;color:#222}}\
         table{{border-collapse:collapse;margin:1em 0}}td,th{{padding:.3em .8em;border-bottom:1px solid #ddd;text-align:right}}\
         td:first-child,th:first-child{{text-align:left}}svg{{display:block;margin:1em 0}}.bad{{color:{BAD}}}\
         </style></head><body><h1>Backtest</h1><p>{t}</p>",
        t = escape(title)
    );
    summary(&mut page, report);
    page.push_str(
        "<h2>Hits per rule</h2><p>Distinct numbers flagged: fraud (green) and not fraud (red).</p>",
    );
    hits_chart(&mut page, report);
    page.push_str("<h2>Precision per rule</h2>");
    let precision: Vec<(String, f64)> = report
        .rules
        .iter()
        .map(|r| (shown_name(&r.name, r.shadow), r.precision))
        .collect();
    ratio_chart(&mut page, &precision);
    page.push_str("<h2>Recall per fraud class</h2>");
    let recall: Vec<(String, f64)> = report
        .classes
        .iter()
        .map(|c| (c.class.clone(), c.recall))
        .collect();
    ratio_chart(&mut page, &recall);
    page.push_str("<h2>Time to detect</h2><p>Minutes from a fraudster's first record to its first block, in event time.</p>");
    detect_chart(&mut page, &report.detect_minutes);
    tables(&mut page, report);
    page.push_str("</body></html>\n");
    page
}

fn summary(page: &mut String, r: &Report) {
    let _ = write!(
        page,
        "<p><b>Block-list:</b> {} numbers blocked, {} of them fraud: precision {:.3}, recall {:.3}; {} blocked on international trunks only.<br>",
        r.blocked,
        r.true_positives,
        r.precision,
        r.recall,
        r.blocked_international_only.len()
    );
    match (r.median_detect_minutes, r.p95_detect_minutes) {
        (Some(m), Some(p)) => {
            let _ = write!(
                page,
                "<b>Time to detect:</b> median {m:.1} min, 95th percentile {p:.1} min.<br>"
            );
        }
        _ => page.push_str("<b>Time to detect:</b> no fraud was blocked.<br>"),
    }
    if r.lookalikes_blocked.is_empty() {
        page.push_str("No benign look-alike was blocked.");
    } else {
        let _ = write!(
            page,
            "<span class=\"bad\">{} benign look-alikes were blocked.</span>",
            r.lookalikes_blocked.len()
        );
    }
    if !r.lookalikes_alerted.is_empty() {
        let _ = write!(
            page,
            "<br>{} benign look-alikes were alerted for review, not blocked ({}).",
            r.lookalikes_alerted.len(),
            escape(&count_by_kind(&r.lookalikes_alerted))
        );
    }
    page.push_str("</p>");
}

fn shown_name(name: &str, shadow: bool) -> String {
    if shadow {
        format!("{name} (shadow)")
    } else {
        name.to_owned()
    }
}

fn svg_open(page: &mut String, rows: usize) {
    let height = rows as f64 * (BAR + 6.0) + 24.0;
    let _ = write!(
        page,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{height}\" font-size=\"12\">"
    );
}

fn label(page: &mut String, y: f64, text: &str) {
    let _ = write!(
        page,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
        LABEL - 6.0,
        y + BAR * 0.7,
        escape(text)
    );
}

fn hits_chart(page: &mut String, r: &Report) {
    let max = r.rules.iter().map(|q| q.flagged).max().unwrap_or(0).max(1) as f64;
    let scale = (WIDTH - LABEL - 60.0) / max;
    svg_open(page, r.rules.len());
    for (i, q) in r.rules.iter().enumerate() {
        let y = i as f64 * (BAR + 6.0);
        label(page, y, &shown_name(&q.name, q.shadow));
        let good = q.true_positives as f64 * scale;
        let bad = q.false_positives as f64 * scale;
        let _ = write!(
            page,
            "<rect x=\"{LABEL}\" y=\"{y}\" width=\"{good}\" height=\"{BAR}\" fill=\"{GOOD}\"/>\
             <rect x=\"{}\" y=\"{y}\" width=\"{bad}\" height=\"{BAR}\" fill=\"{BAD}\"/>\
             <text x=\"{}\" y=\"{}\">{} / {}</text>",
            LABEL + good,
            LABEL + good + bad + 4.0,
            y + BAR * 0.7,
            q.true_positives,
            q.false_positives
        );
    }
    page.push_str("</svg>");
}

fn ratio_chart(page: &mut String, rows: &[(String, f64)]) {
    let scale = WIDTH - LABEL - 60.0;
    svg_open(page, rows.len());
    for (i, (name, value)) in rows.iter().enumerate() {
        let y = i as f64 * (BAR + 6.0);
        label(page, y, name);
        let colour = if *value >= 0.95 { GOOD } else { BAD };
        let _ = write!(
            page,
            "<rect x=\"{LABEL}\" y=\"{y}\" width=\"{scale}\" height=\"{BAR}\" fill=\"#eee\"/>\
             <rect x=\"{LABEL}\" y=\"{y}\" width=\"{}\" height=\"{BAR}\" fill=\"{colour}\"/>\
             <text x=\"{}\" y=\"{}\">{value:.3}</text>",
            value.clamp(0.0, 1.0) * scale,
            LABEL + scale + 4.0,
            y + BAR * 0.7
        );
    }
    page.push_str("</svg>");
}

/// A histogram of detection times in five-minute bins.
fn detect_chart(page: &mut String, minutes: &[f64]) {
    if minutes.is_empty() {
        page.push_str("<p>No fraud was blocked.</p>");
        return;
    }
    let bins = detect_bins(minutes);
    let rows: Vec<(String, usize)> = bins
        .iter()
        .enumerate()
        .map(|(i, n)| (format!("{}–{} min", i * 5, i * 5 + 5), *n))
        .collect();
    let max = rows.iter().map(|r| r.1).max().unwrap_or(1).max(1) as f64;
    let scale = (WIDTH - LABEL - 60.0) / max;
    svg_open(page, rows.len());
    for (i, (name, n)) in rows.iter().enumerate() {
        let y = i as f64 * (BAR + 6.0);
        label(page, y, name);
        let _ = write!(
            page,
            "<rect x=\"{LABEL}\" y=\"{y}\" width=\"{}\" height=\"{BAR}\" fill=\"{NEUTRAL}\"/>\
             <text x=\"{}\" y=\"{}\">{n}</text>",
            *n as f64 * scale,
            LABEL + *n as f64 * scale + 4.0,
            y + BAR * 0.7
        );
    }
    page.push_str("</svg>");
}

/// Counts per five-minute bin, from 0 to the largest value.
fn detect_bins(minutes: &[f64]) -> Vec<usize> {
    let last = minutes.iter().copied().fold(0.0, f64::max);
    let mut bins = vec![0usize; (last / 5.0).floor() as usize + 1];
    for m in minutes {
        bins[(m.max(0.0) / 5.0).floor() as usize] += 1;
    }
    bins
}

fn tables(page: &mut String, r: &Report) {
    page.push_str("<h2>Rules</h2><table><tr><th>rule</th><th>action</th><th>flagged</th><th>true pos.</th><th>false pos.</th><th>look-alikes</th><th>precision</th></tr>");
    for q in &r.rules {
        let _ = write!(
            page,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{:.3}</td></tr>",
            escape(&q.name),
            if q.shadow { "shadow" } else { q.action },
            q.flagged,
            q.true_positives,
            q.false_positives,
            q.lookalikes,
            q.precision
        );
    }
    page.push_str("</table><h2>Fraud classes</h2><table><tr><th>class</th><th>labelled</th><th>blocked</th><th>recall</th><th>missed</th><th>missed, alerted</th></tr>");
    for c in &r.classes {
        let _ = write!(
            page,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{:.3}</td><td>{}</td><td>{}</td></tr>",
            escape(&c.class),
            c.labelled,
            c.blocked,
            c.recall,
            escape(&c.missed.join(" ")),
            c.alerted
        );
    }
    page.push_str("</table>");
    let stopped = |number: &str| {
        if r.blocked_international_only
            .binary_search(&number.to_owned())
            .is_ok()
        {
            "international trunks only"
        } else {
            "everything"
        }
    };
    lookalike_table(
        page,
        "<h2 class=\"bad\">Look-alikes blocked</h2>",
        &r.lookalikes_blocked,
        Some(("what the block stopped", &stopped)),
    );
    lookalike_table(
        page,
        "<h2>Look-alikes alerted for review, not blocked</h2>",
        &r.lookalikes_alerted,
        None,
    );
}

/// A look-alike table's optional third column: its heading, and its text
/// for a number.
type Column<'a> = (&'a str, &'a dyn Fn(&str) -> &'static str);

/// A table of labelled look-alikes under `heading`, if there are any.
fn lookalike_table(
    page: &mut String,
    heading: &str,
    lookalikes: &[(String, String)],
    column: Option<Column<'_>>,
) {
    if lookalikes.is_empty() {
        return;
    }
    page.push_str(heading);
    page.push_str("<table><tr><th>number</th><th>kind</th>");
    if let Some((title, _)) = column {
        let _ = write!(page, "<th>{}</th>", escape(title));
    }
    page.push_str("</tr>");
    for (number, kind) in lookalikes {
        let _ = write!(
            page,
            "<tr><td>{}</td><td>{}</td>",
            escape(number),
            escape(kind)
        );
        if let Some((_, text)) = column {
            let _ = write!(page, "<td>{}</td>", escape(text(number)));
        }
        page.push_str("</tr>");
    }
    page.push_str("</table>");
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bins_of_five_minutes() {
        assert_eq!(detect_bins(&[0.0, 4.9, 5.0, 12.0]), vec![2, 1, 1]);
        assert_eq!(detect_bins(&[0.0]), vec![1]);
    }

    #[test]
    fn blocked_look_alikes_say_what_their_blocks_stopped() {
        use std::collections::{HashMap, HashSet};

        use crate::backtest::report::Observed;
        use crate::sources::generator::Labels;

        let labels: Labels = serde_json::from_str(
            r#"{"seed":1,"subscribers":2,"hours":1.0,"country":"th","fraud":[],
                "lookalikes":[{"number":"+661","kind":"roamer_calling_home"},
                              {"number":"+662","kind":"bank_callcenter"}]}"#,
        )
        .unwrap();
        let blocks = HashMap::from([("+661".to_owned(), 0), ("+662".to_owned(), 0)]);
        let observed = Observed {
            rules: &[],
            hits: &[],
            first_block_ms: &blocks,
            first_seen_ms: &HashMap::new(),
            alerted: &HashSet::new(),
            international_only: &HashSet::from(["+661".to_owned()]),
        };
        let page = render_html(&Report::score(observed, &labels), "t");
        for row in [
            "<tr><td>+661</td><td>roamer_calling_home</td><td>international trunks only</td></tr>",
            "<tr><td>+662</td><td>bank_callcenter</td><td>everything</td></tr>",
        ] {
            assert!(page.contains(row), "{row} in {page}");
        }
    }

    #[test]
    fn names_are_escaped() {
        assert_eq!(
            escape("<a href=\"x\">&"),
            "&lt;a href=&quot;x&quot;&gt;&amp;"
        );
    }
}
