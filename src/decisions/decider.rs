//! The decision state machine: hits in, block / alert / unblock entries out.

use std::collections::hash_map::Entry as MapEntry;
use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use serde_json::{Map, Value};

use super::allowlist::AllowList;
use super::entry::{Decision, Entry, Unblock, format_ts};
use super::score::noisy_or;
use crate::rules::{Action, Rule, RuleHit, Scope};

/// Thresholds and lifetimes of decisions.
#[derive(Debug, Clone)]
pub struct DecisionConfig {
    /// Combined score from which a number is blocked.
    pub block_threshold: f64,
    /// Combined score from which an alert is written.
    pub alert_threshold: f64,
    /// How long a block lasts, in event-time milliseconds.
    pub block_ttl_ms: i64,
    /// A renewal is re-published once it moves the expiry by at least this much.
    pub republish_after_ms: i64,
    /// ... or when the score moves by at least this much.
    pub republish_score_delta: f64,
    /// Whether the devices of blocked numbers are followed (see
    /// [`devices`](super::devices)).
    pub follow_devices: bool,
}

impl Default for DecisionConfig {
    fn default() -> Self {
        DecisionConfig {
            block_threshold: 0.8,
            alert_threshold: 0.5,
            block_ttl_ms: 24 * 3_600_000,
            republish_after_ms: 6 * 3_600_000,
            republish_score_delta: 0.1,
            follow_devices: true,
        }
    }
}

/// What the decider needs to know of a rule.
#[derive(Debug, Clone)]
pub struct RuleInfo {
    /// The rule's name.
    pub name: Arc<str>,
    /// Whether its hits count towards blocks.
    pub action: Action,
    /// How long one hit stays in effect: its window's slide.
    pub slide_ms: i64,
    /// The rule's version, written with every entry it contributes to.
    pub version: Arc<str>,
    /// Whether its blocks also bar calls to the number.
    pub bar_calls_to: bool,
}

impl RuleInfo {
    /// What the decider needs to know of `rule`.
    pub fn of(rule: &Rule) -> Self {
        RuleInfo {
            name: rule.name.clone(),
            action: rule.action,
            slide_ms: rule.window.slide_ms,
            version: rule.version.clone(),
            bar_calls_to: rule.bar_calls_to,
        }
    }
}

/// Counts for the run summary and the metrics.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DecisionStats {
    /// New blocks published.
    pub blocks: u64,
    /// Blocks extended (published or not).
    pub renewals: u64,
    /// Renewals that were published.
    pub renewals_published: u64,
    /// Unblocks published.
    pub unblocks: u64,
    /// Alerts published.
    pub alerts: u64,
    /// Decisions withheld because the number is allow-listed.
    pub allow_list_suppressed: u64,
}

#[derive(Debug, Clone)]
struct ActiveHit {
    rule: usize,
    score: f64,
    scope: Scope,
    evidence: Map<String, Value>,
    until_ms: i64,
}

/// A blocked number: when it really expires, and what was last published.
#[derive(Debug, Clone)]
struct Blocked {
    expires_ms: i64,
    published: Published,
}

#[derive(Debug, Clone)]
struct Published {
    expires_ms: i64,
    score: f64,
    rules: Vec<String>,
    scope: Scope,
    bar_calls_to: bool,
}

/// Turns rule hits into decisions, remembering blocks and alerts.
#[derive(Debug)]
pub struct Decider {
    config: DecisionConfig,
    rules: Vec<RuleInfo>,
    allow: AllowList,
    active: HashMap<String, Vec<ActiveHit>>,
    blocked: HashMap<String, Blocked>,
    expiries: BTreeSet<(i64, String)>,
    alerted: HashMap<String, Published>,
    stats: DecisionStats,
}

impl Decider {
    /// A decider for rules `rules` (indexed as in the rule engine).
    pub fn new(config: DecisionConfig, rules: Vec<RuleInfo>, allow: AllowList) -> Self {
        Decider {
            config,
            rules,
            allow,
            active: HashMap::new(),
            blocked: HashMap::new(),
            expiries: BTreeSet::new(),
            alerted: HashMap::new(),
            stats: DecisionStats::default(),
        }
    }

    /// Counts so far.
    pub fn stats(&self) -> &DecisionStats {
        &self.stats
    }

    /// Numbers blocked now.
    pub fn blocked_len(&self) -> usize {
        self.blocked.len()
    }

    /// Whether `number` is blocked now.
    pub fn is_blocked(&self, number: &str) -> bool {
        self.blocked.contains_key(number)
    }

    /// The rules named on `number`'s block, if it is blocked.
    pub fn blocked_by(&self, number: &str) -> Option<&[String]> {
        self.blocked
            .get(number)
            .map(|b| b.published.rules.as_slice())
    }

    /// Takes back a block published before a restart, read from the
    /// block-list topic: the number stays blocked until `expires_ms` and is
    /// renewed, not announced again, when it is flagged anew.
    pub fn restore(&mut self, number: &str, expires_ms: i64, published: RestoredBlock) {
        let RestoredBlock {
            score,
            rules,
            scope,
            bar_calls_to,
        } = published;
        if let Some(old) = self.blocked.remove(number) {
            self.expiries.remove(&(old.expires_ms, number.to_owned()));
        }
        self.expiries.insert((expires_ms, number.to_owned()));
        self.blocked.insert(
            number.to_owned(),
            Blocked {
                expires_ms,
                published: Published {
                    expires_ms,
                    score,
                    rules,
                    scope,
                    bar_calls_to,
                },
            },
        );
    }

    /// Takes back an alert published before a restart, read from the
    /// alerts topic: until `block_ttl` after `flagged_ms`, a hit on
    /// `number` that adds nothing to it (see `alert`) is not announced again.
    pub fn restore_alert(&mut self, number: &str, flagged_ms: i64, score: f64, rules: Vec<String>) {
        let expires_ms = flagged_ms + self.config.block_ttl_ms;
        if self
            .alerted
            .get(number)
            .is_some_and(|a| a.expires_ms > expires_ms)
        {
            return;
        }
        self.alerted.insert(
            number.to_owned(),
            Published {
                expires_ms,
                score,
                rules,
                scope: Scope::All,
                bar_calls_to: false,
            },
        );
    }

    /// Forgets a block that a tombstone on the block-list topic lifted.
    pub fn forget(&mut self, number: &str) {
        if let Some(old) = self.blocked.remove(number) {
            self.expiries.remove(&(old.expires_ms, number.to_owned()));
        }
    }

    /// Lets event time pass up to `now_ms`: blocks that expire by then are
    /// lifted, in expiry order.
    pub fn advance(&mut self, now_ms: i64) -> Vec<Decision> {
        let mut out = Vec::new();
        while let Some((at, number)) = self.expiries.first().cloned() {
            if at > now_ms {
                break;
            }
            self.expiries.pop_first();
            self.blocked.remove(&number);
            self.stats.unblocks += 1;
            out.push(Decision::Unblock(Unblock {
                number,
                action: "unblock",
                reason: "expired",
                at: format_ts(at),
            }));
        }
        self.alerted.retain(|_, a| a.expires_ms > now_ms);
        out
    }

    /// Handles the hits of every window that ended at `end_ms` (the window
    /// `[start_ms, end_ms)` is the one reported in the entries).
    pub fn on_windows_closed(
        &mut self,
        start_ms: i64,
        end_ms: i64,
        hits: Vec<RuleHit>,
    ) -> Vec<Decision> {
        let mut out = self.advance(end_ms);
        let mut touched: BTreeSet<String> = BTreeSet::new();
        for hit in hits {
            touched.insert(hit.number.clone());
            self.remember(hit, end_ms);
        }
        self.active.retain(|_, hits| {
            hits.retain(|h| h.until_ms > end_ms);
            !hits.is_empty()
        });
        for number in touched {
            if let Some(decision) = self.decide(&number, start_ms, end_ms) {
                out.push(decision);
            }
        }
        out
    }

    /// Keeps a hit in effect for one slide of its rule; a rule's newer hit
    /// on the same number replaces its older one, and within one window the
    /// strongest row wins.
    fn remember(&mut self, hit: RuleHit, end_ms: i64) {
        let until_ms = end_ms + self.rules[hit.rule].slide_ms;
        let hits = self.active.entry(hit.number).or_default();
        match hits.iter_mut().find(|h| h.rule == hit.rule) {
            Some(h) if h.until_ms == until_ms && h.score >= hit.score => {}
            Some(h) => {
                *h = ActiveHit {
                    rule: hit.rule,
                    score: hit.score,
                    scope: hit.scope,
                    evidence: hit.evidence,
                    until_ms,
                }
            }
            None => hits.push(ActiveHit {
                rule: hit.rule,
                score: hit.score,
                scope: hit.scope,
                evidence: hit.evidence,
                until_ms,
            }),
        }
    }

    fn decide(&mut self, number: &str, start_ms: i64, end_ms: i64) -> Option<Decision> {
        let hits = self.active.get(number)?;
        let block_score = noisy_or(
            hits.iter()
                .filter(|h| self.rules[h.rule].action == Action::Block)
                .map(|h| h.score),
        );
        let any_score = noisy_or(hits.iter().map(|h| h.score));
        let wants_block = block_score >= self.config.block_threshold;
        if !wants_block && any_score < self.config.alert_threshold {
            return None;
        }
        if self.allow.contains(number) {
            self.stats.allow_list_suppressed += 1;
            return None;
        }
        let mut entry = self.entry(number, hits, start_ms, end_ms);
        if wants_block {
            entry.score = round(block_score);
            entry.scope = Some(self.block_scope(hits));
            entry.bar_calls_to = self.bars_calls_to(hits);
            self.block(entry, end_ms)
        } else {
            entry.score = round(any_score);
            self.alert(entry, end_ms)
        }
    }

    /// What a block stops: everything from the number when its hits of
    /// scope `all` reach the block threshold on their own, otherwise only
    /// what arrives the way the other hits judged it (today the one
    /// narrower scope, international ingress).
    fn block_scope(&self, hits: &[ActiveHit]) -> Scope {
        let whole_line = noisy_or(
            hits.iter()
                .filter(|h| self.rules[h.rule].action == Action::Block && h.scope == Scope::All)
                .map(|h| h.score),
        );
        if whole_line >= self.config.block_threshold {
            Scope::All
        } else {
            Scope::International
        }
    }

    /// Whether a block must also bar calls to the number: when a blocking
    /// rule in effect says so (`bar_calls_to: yes`).
    fn bars_calls_to(&self, hits: &[ActiveHit]) -> bool {
        hits.iter().any(|h| {
            let rule = &self.rules[h.rule];
            rule.action == Action::Block && rule.bar_calls_to
        })
    }

    fn entry(&self, number: &str, hits: &[ActiveHit], start_ms: i64, end_ms: i64) -> Entry {
        let mut sorted: Vec<&ActiveHit> = hits.iter().collect();
        sorted.sort_by(|a, b| self.rules[a.rule].name.cmp(&self.rules[b.rule].name));
        let rules = sorted
            .iter()
            .map(|h| self.rules[h.rule].name.to_string())
            .collect();
        let rule_versions = sorted
            .iter()
            .map(|h| {
                let rule = &self.rules[h.rule];
                (rule.name.to_string(), Value::from(rule.version.as_ref()))
            })
            .collect();
        let evidence = sorted
            .iter()
            .map(|h| {
                (
                    self.rules[h.rule].name.to_string(),
                    Value::Object(h.evidence.clone()),
                )
            })
            .collect();
        Entry {
            number: number.to_owned(),
            action: "block",
            score: 0.0,
            scope: None,
            bar_calls_to: false,
            rules,
            rule_versions,
            window_start: format_ts(start_ms),
            window_end: format_ts(end_ms),
            flagged_at: format_ts(end_ms),
            expires_at: None,
            evidence,
            devices: Vec::new(),
        }
    }

    fn block(&mut self, mut entry: Entry, now_ms: i64) -> Option<Decision> {
        let expires_ms = now_ms + self.config.block_ttl_ms;
        entry.expires_at = Some(format_ts(expires_ms));
        let number = entry.number.clone();
        let publish = match self.blocked.get(&number) {
            None => {
                self.stats.blocks += 1;
                true
            }
            Some(previous) => {
                self.stats.renewals += 1;
                self.expiries.remove(&(previous.expires_ms, number.clone()));
                let material = self.is_material(&previous.published, &entry, expires_ms);
                if material {
                    self.stats.renewals_published += 1;
                }
                material
            }
        };
        self.expiries.insert((expires_ms, number.clone()));
        let published = Published {
            expires_ms,
            score: entry.score,
            rules: entry.rules.clone(),
            scope: entry.scope.unwrap_or_default(),
            bar_calls_to: entry.bar_calls_to,
        };
        match self.blocked.entry(number) {
            MapEntry::Occupied(mut o) => {
                o.get_mut().expires_ms = expires_ms;
                if publish {
                    o.get_mut().published = published;
                }
            }
            MapEntry::Vacant(v) => {
                v.insert(Blocked {
                    expires_ms,
                    published,
                });
            }
        }
        publish.then_some(Decision::Block(entry))
    }

    /// Whether a renewal changes what the switches were told enough to
    /// publish it again.
    fn is_material(&self, previous: &Published, entry: &Entry, expires_ms: i64) -> bool {
        expires_ms - previous.expires_ms >= self.config.republish_after_ms
            || (entry.score - previous.score).abs() >= self.config.republish_score_delta
            || entry.rules.iter().any(|r| !previous.rules.contains(r))
            || entry.scope.unwrap_or_default() != previous.scope
            || entry.bar_calls_to != previous.bar_calls_to
    }

    fn alert(&mut self, mut entry: Entry, now_ms: i64) -> Option<Decision> {
        if self.blocked.contains_key(&entry.number) {
            return None;
        }
        entry.action = "alert";
        if let Some(previous) = self.alerted.get(&entry.number) {
            let material = entry.score - previous.score >= self.config.republish_score_delta
                || entry.rules.iter().any(|r| !previous.rules.contains(r));
            if !material {
                return None;
            }
        }
        self.alerted.insert(
            entry.number.clone(),
            Published {
                expires_ms: now_ms + self.config.block_ttl_ms,
                score: entry.score,
                rules: entry.rules.clone(),
                // An alert stops nothing; only blocks have a scope.
                scope: Scope::All,
                bar_calls_to: false,
            },
        );
        self.stats.alerts += 1;
        Some(Decision::Alert(entry))
    }
}

/// What was published of a block, read back from the block-list topic.
#[derive(Debug, Clone, PartialEq)]
pub struct RestoredBlock {
    /// Its combined score.
    pub score: f64,
    /// The rules named on it.
    pub rules: Vec<String>,
    /// What it stops.
    pub scope: Scope,
    /// Whether it bars calls to the number too.
    pub bar_calls_to: bool,
}

fn round(score: f64) -> f64 {
    (score * 10_000.0).round() / 10_000.0
}

#[cfg(test)]
mod tests;
