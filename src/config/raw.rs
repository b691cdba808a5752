//! The pipeline file as written. Every field is documented here; the README's
//! pipeline reference mirrors these comments.

use serde::Deserialize;
use toml::Spanned;

/// A whole pipeline file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPipeline {
    /// Where records come from.
    #[serde(default)]
    pub source: RawSource,
    /// How records are read.
    #[serde(default)]
    pub record: RawRecord,
    /// Event time.
    #[serde(default)]
    pub time: RawTime,
    /// Rules and the tables they join.
    #[serde(default)]
    pub rules: RawRules,
    /// Scores, thresholds and the block-list's lifetime.
    #[serde(default)]
    pub decisions: RawDecisions,
    /// Output files or topics.
    #[serde(default)]
    pub outputs: RawOutputs,
    /// The Kafka cluster, for a `kafka` source or outputs.
    pub kafka: Option<RawKafka>,
    /// Service mode: metrics endpoint, commits, readiness.
    #[serde(default)]
    pub service: RawService,
}

/// `[kafka]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawKafka {
    /// Bootstrap servers, `host:port[,host:port…]` (`--brokers` overrides it).
    pub brokers: Option<String>,
    /// Create missing topics at start (default false).
    pub create_topics: Option<bool>,
    /// Partitions of topics created (default 4).
    pub partitions: Option<Spanned<i64>>,
    /// librdkafka properties for every client.
    #[serde(default)]
    pub options: toml::Table,
    /// librdkafka properties for the consumer only.
    #[serde(default)]
    pub consumer_options: toml::Table,
    /// librdkafka properties for the producer only.
    #[serde(default)]
    pub producer_options: toml::Table,
}

/// `[service]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawService {
    /// Listen address of `/metrics`, `/healthz` and `/readyz` (default `0.0.0.0:9898`).
    pub metrics_addr: Option<Spanned<String>>,
    /// Time between offset commits (default `5s`).
    pub commit_interval: Option<Spanned<String>>,
    /// `/readyz` fails above this consumer lag, in messages (default 1000000).
    pub ready_max_lag: Option<Spanned<i64>>,
}

/// `[source]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    /// `file`, `generator` (default) or `kafka`.
    pub kind: Option<Spanned<String>>,
    /// With `kind = "file"`: a `.jsonl`, `.json` or `.csv` file, or `-` for standard input.
    pub path: Option<Spanned<String>>,
    /// With `kind = "generator"`: ordinary subscribers (default 20000).
    pub subscribers: Option<Spanned<i64>>,
    /// With `kind = "generator"`: hours of traffic (default 1).
    pub hours: Option<Spanned<f64>>,
    /// With `kind = "generator"`: random seed (default 42).
    pub seed: Option<u64>,
    /// With `kind = "kafka"`: input topics (default `["calls", "sms"]`).
    pub topics: Option<Vec<String>>,
    /// With `kind = "kafka"`: consumer group (default `scamstream`).
    pub group: Option<String>,
    /// With `kind = "kafka"`: the compacted topic that keeps each input
    /// partition's window floor across restarts (default `scamstream-checkpoints`).
    pub checkpoint_topic: Option<String>,
    /// With `kind = "kafka"`: a partition without records for this long
    /// stops holding the watermark back (default `30s`).
    pub idle_timeout: Option<Spanned<String>>,
}

/// `[record]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRecord {
    /// Country calling code of national numbers (`0…`), default 66 (Thailand).
    pub country_code: Option<Spanned<i64>>,
}

/// `[time]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTime {
    /// How far behind the newest record a record may arrive and still count
    /// (default `2m`).
    pub allowed_lateness: Option<Spanned<String>>,
}

/// `[rules]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRules {
    /// Directory of `*.sql` rule files (default `sql`), or `builtin` for the
    /// rule library compiled into the binary.
    pub dir: Option<String>,
    /// Reference tables the rules may join.
    #[serde(default)]
    pub tables: Vec<RawTable>,
}

/// `[[rules.tables]]`: a CSV file with a header row, registered as a table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTable {
    /// The table's name in SQL.
    pub name: Spanned<String>,
    /// The CSV file.
    pub path: Spanned<String>,
}

/// `[decisions]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDecisions {
    /// Combined score from which a number is blocked (default 0.8).
    pub block_threshold: Option<Spanned<f64>>,
    /// Combined score from which an alert is written (default 0.5).
    pub alert_threshold: Option<Spanned<f64>>,
    /// How long a block lasts in event time (default `24h`).
    pub block_ttl: Option<Spanned<String>>,
    /// A renewal is re-published once it moves the expiry this much (default `6h`).
    pub republish_after: Option<Spanned<String>>,
    /// CSV with a `number` column: E.164 numbers or prefixes ending in `*`
    /// that are never blocked; `builtin` for the shipped copy compiled into
    /// the binary.
    pub allow_list: Option<Spanned<String>>,
    /// Whether another SIM seen on a blocked number's device is blocked too
    /// (default true).
    pub follow_devices: Option<bool>,
}

/// `[outputs]`: JSON Lines files (`-` for standard output), or Kafka topics.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOutputs {
    /// `files` (default) or `kafka`: then the three names below are topics
    /// (default `blocklist`, `alerts`, `rejects`).
    pub kind: Option<Spanned<String>>,
    /// Block and unblock entries (default `out/blocklist.jsonl`).
    pub blocklist: Option<String>,
    /// Alerts (default `out/alerts.jsonl`).
    pub alerts: Option<String>,
    /// Rejected and late records with their reasons (default `out/rejects.jsonl`).
    pub rejects: Option<String>,
}
