//! Checking a raw pipeline and resolving it into typed settings.

use std::path::{Path, PathBuf};

use toml::Spanned;

use super::error::{ConfigError, ConfigErrors};
use super::raw::RawPipeline;
use crate::decisions::DecisionConfig;
use crate::record::NumberNormalizer;
use crate::rules::{RefTable, RuleEnv, RuleSource};
use crate::sources::InputFormat;
use crate::sources::generator::GeneratorConfig;
use crate::windowing::parse_duration;

/// Where `run` looks for its pipeline when none is given.
pub const DEFAULT_PIPELINE_PATH: &str = "pipelines/default.toml";

/// The default pipeline as shipped, for when the file is not at hand.
pub fn default_pipeline_text() -> &'static str {
    include_str!("../../pipelines/default.toml")
}

/// Where records come from.
#[derive(Debug, Clone)]
pub enum SourceConfig {
    /// A file, or `-` for standard input.
    File {
        /// The path.
        path: PathBuf,
        /// How it is laid out.
        format: InputFormat,
    },
    /// The built-in generator.
    Generator(GeneratorConfig),
    /// Kafka topics, in a consumer group: service mode.
    Kafka {
        /// Input topics.
        topics: Vec<String>,
        /// Consumer group.
        group: String,
        /// A partition silent this long stops holding the watermark.
        idle_timeout_ms: i64,
        /// The compacted topic of window floors.
        checkpoint_topic: String,
    },
}

/// The Kafka cluster and client settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KafkaConfig {
    /// Bootstrap servers.
    pub brokers: String,
    /// Create missing topics at start.
    pub create_topics: bool,
    /// Partitions of created topics.
    pub partitions: i32,
    /// librdkafka properties for the consumer (common ones first).
    pub consumer_options: Vec<(String, String)>,
    /// librdkafka properties for the producer (common ones first).
    pub producer_options: Vec<(String, String)>,
}

/// Service-mode settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceConfig {
    /// Listen address of the metrics and health endpoints.
    pub metrics_addr: String,
    /// Time between offset commits, milliseconds.
    pub commit_interval_ms: i64,
    /// `/readyz` fails above this consumer lag.
    pub ready_max_lag: i64,
}

impl Default for ServiceConfig {
    fn default() -> Self {
        ServiceConfig {
            metrics_addr: "0.0.0.0:9898".into(),
            commit_interval_ms: 5_000,
            ready_max_lag: 1_000_000,
        }
    }
}

impl SourceConfig {
    /// A file source for `--input`; the format comes from the extension.
    pub fn from_input(path: &str) -> Result<SourceConfig, String> {
        let path = PathBuf::from(path);
        let format = if path.as_os_str() == "-" {
            InputFormat::JsonLines
        } else {
            InputFormat::from_path(&path).ok_or_else(|| {
                format!(
                    "input `{}` must end in .jsonl, .json or .csv (or be `-` for stdin)",
                    path.display()
                )
            })?
        };
        Ok(SourceConfig::File { path, format })
    }
}

/// Output files, or topics when `kafka` is set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputsConfig {
    /// The three outputs are Kafka topics named by the paths.
    pub kafka: bool,
    /// Block and unblock entries.
    pub blocklist: PathBuf,
    /// Alerts.
    pub alerts: PathBuf,
    /// Rejected and late records.
    pub rejects: PathBuf,
}

/// A checked pipeline.
#[derive(Debug, Clone)]
pub struct PipelineConfig {
    /// Where it was read from.
    pub origin: String,
    /// Where records come from.
    pub source: SourceConfig,
    /// Country calling code of national numbers.
    pub country_code: u16,
    /// Allowed lateness in milliseconds.
    pub allowed_lateness_ms: i64,
    /// Where the rules are.
    pub rules: RuleSource,
    /// Reference tables.
    pub tables: Vec<RefTable>,
    /// Thresholds and lifetimes.
    pub decisions: DecisionConfig,
    /// The allow-list, if any.
    pub allow_list: Option<AllowListSource>,
    /// Outputs.
    pub outputs: OutputsConfig,
    /// The Kafka cluster, when a source or the outputs use it.
    pub kafka: Option<KafkaConfig>,
    /// Service-mode settings.
    pub service: ServiceConfig,
}

/// Where the allow-list comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AllowListSource {
    /// A CSV file with a `number` column.
    File(PathBuf),
    /// The shipped `pipelines/tables/allow_list.csv`, built into the binary
    /// (`allow_list = "builtin"`).
    Builtin,
}

impl PipelineConfig {
    /// What the rules are planned with: the pipeline's reference tables and
    /// home country.
    pub fn rule_env(&self) -> RuleEnv {
        RuleEnv {
            tables: self.tables.clone(),
            country_code: self.country_code,
        }
    }

    /// For the built-in default pipeline run away from a checkout: the rule
    /// library and the allow-list it names by relative path are used from
    /// the copies built into the binary when they are not at hand.
    pub fn use_builtin_copies_not_at_hand(&mut self) {
        if matches!(&self.rules, RuleSource::Dir(dir) if !dir.is_dir()) {
            self.rules = RuleSource::Builtin;
        }
        if matches!(&self.allow_list, Some(AllowListSource::File(path)) if !path.is_file()) {
            self.allow_list = Some(AllowListSource::Builtin);
        }
    }
}

/// Reads a pipeline file; `None` reads `pipelines/default.toml`, or the
/// copy built into the binary when that file is not there.
pub fn load_pipeline(path: Option<&Path>) -> Result<PipelineConfig, ConfigErrors> {
    let (origin, text) = match path {
        Some(p) => {
            let text = std::fs::read_to_string(p).map_err(|e| {
                ConfigErrors(vec![ConfigError {
                    origin: p.display().to_string(),
                    line: None,
                    message: format!("cannot read the pipeline file: {e}"),
                }])
            })?;
            (p.display().to_string(), text)
        }
        None => match std::fs::read_to_string(DEFAULT_PIPELINE_PATH) {
            Ok(text) => (DEFAULT_PIPELINE_PATH.to_owned(), text),
            Err(_) => return builtin_pipeline(),
        },
    };
    parse_pipeline(&origin, &text)
}

/// The default pipeline built into the binary, with the built-in rule
/// library and allow-list wherever the files it names are not at hand.
pub fn builtin_pipeline() -> Result<PipelineConfig, ConfigErrors> {
    let mut config = parse_pipeline(
        &format!("{DEFAULT_PIPELINE_PATH} (built in)"),
        default_pipeline_text(),
    )?;
    config.use_builtin_copies_not_at_hand();
    Ok(config)
}

/// Parses and checks pipeline text; `origin` names it in errors.
pub fn parse_pipeline(origin: &str, text: &str) -> Result<PipelineConfig, ConfigErrors> {
    let raw: RawPipeline = toml::from_str(text).map_err(|e| {
        let line = e.span().map(|s| line_of(text, s.start));
        ConfigErrors(vec![ConfigError {
            origin: origin.to_owned(),
            line,
            message: e.message().to_owned(),
        }])
    })?;
    Resolver {
        origin,
        text,
        errors: Vec::new(),
    }
    .resolve(raw)
}

/// librdkafka properties from a TOML table: strings, numbers and booleans
/// are written as librdkafka expects them.
fn table_options(table: &toml::Table) -> Vec<(String, String)> {
    table
        .iter()
        .map(|(key, value)| {
            let value = match value {
                toml::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            (key.clone(), value)
        })
        .collect()
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())]
        .bytes()
        .filter(|&b| b == b'\n')
        .count()
        + 1
}

struct Resolver<'a> {
    origin: &'a str,
    text: &'a str,
    errors: Vec<ConfigError>,
}

impl Resolver<'_> {
    fn error<T>(&mut self, at: &Spanned<T>, message: String) {
        self.errors.push(ConfigError {
            origin: self.origin.to_owned(),
            line: Some(line_of(self.text, at.span().start)),
            message,
        });
    }

    /// A duration setting; `positive` says whether zero is refused.
    fn duration(
        &mut self,
        value: Option<&Spanned<String>>,
        key: &str,
        default_ms: i64,
        positive: bool,
    ) -> i64 {
        let Some(v) = value else { return default_ms };
        match parse_duration(v.get_ref()) {
            Ok(0) if positive => {
                self.error(v, format!("{key} must be positive"));
                default_ms
            }
            Ok(ms) => ms,
            Err(e) => {
                self.error(v, format!("{key}: {e}"));
                default_ms
            }
        }
    }

    fn fraction(&mut self, value: Option<&Spanned<f64>>, key: &str, default: f64) -> f64 {
        let Some(v) = value else { return default };
        let x = *v.get_ref();
        if (0.0..=1.0).contains(&x) {
            x
        } else {
            self.error(v, format!("{key} must be between 0 and 1, got {x}"));
            default
        }
    }

    fn resolve(mut self, raw: RawPipeline) -> Result<PipelineConfig, ConfigErrors> {
        let source = self.source(&raw);
        let country_code = match &raw.record.country_code {
            None => 66,
            Some(cc) => match u16::try_from(*cc.get_ref())
                .ok()
                .filter(|c| NumberNormalizer::new(*c).is_ok())
            {
                Some(c) => c,
                None => {
                    self.error(
                        cc,
                        format!(
                            "record.country_code {} is not a country calling code",
                            cc.get_ref()
                        ),
                    );
                    66
                }
            },
        };
        let allowed_lateness_ms = self.duration(
            raw.time.allowed_lateness.as_ref(),
            "time.allowed_lateness",
            120_000,
            false,
        );
        let d = &raw.decisions;
        let defaults = DecisionConfig::default();
        let decisions = DecisionConfig {
            block_threshold: self.fraction(
                d.block_threshold.as_ref(),
                "decisions.block_threshold",
                defaults.block_threshold,
            ),
            alert_threshold: self.fraction(
                d.alert_threshold.as_ref(),
                "decisions.alert_threshold",
                defaults.alert_threshold,
            ),
            block_ttl_ms: self.duration(
                d.block_ttl.as_ref(),
                "decisions.block_ttl",
                defaults.block_ttl_ms,
                true,
            ),
            republish_after_ms: self.duration(
                d.republish_after.as_ref(),
                "decisions.republish_after",
                defaults.republish_after_ms,
                true,
            ),
            republish_score_delta: defaults.republish_score_delta,
            follow_devices: d.follow_devices.unwrap_or(defaults.follow_devices),
        };
        if let (Some(republish), true) = (
            &d.republish_after,
            decisions.republish_after_ms >= decisions.block_ttl_ms,
        ) {
            // Otherwise renewals are never published and the published
            // expiry falls behind the real one.
            self.error(
                republish,
                "decisions.republish_after must be shorter than decisions.block_ttl".into(),
            );
        }
        if let (Some(alert), true) = (
            &d.alert_threshold,
            decisions.alert_threshold > decisions.block_threshold,
        ) {
            self.error(
                alert,
                "decisions.alert_threshold must not exceed decisions.block_threshold".into(),
            );
        }
        let mut tables = Vec::new();
        for t in &raw.rules.tables {
            let name = t.name.get_ref();
            if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
                self.error(
                    &t.name,
                    format!("table name `{name}` must be letters, digits and `_`"),
                );
            } else if ["calls", "sms", "records"].contains(&name.as_str()) {
                self.error(
                    &t.name,
                    format!("table name `{name}` is taken by the window tables"),
                );
            }
            tables.push(RefTable::file(name.clone(), t.path.get_ref()));
        }
        let rules = match raw.rules.dir.as_deref() {
            Some("builtin") => RuleSource::Builtin,
            Some(dir) => RuleSource::Dir(dir.into()),
            None => RuleSource::Dir("sql".into()),
        };
        let outputs = self.outputs(&raw);
        let uses_kafka = outputs.kafka || matches!(source, SourceConfig::Kafka { .. });
        let kafka = self.kafka(&raw, uses_kafka);
        let service = self.service(&raw);
        if !self.errors.is_empty() {
            return Err(ConfigErrors(self.errors));
        }
        Ok(PipelineConfig {
            origin: self.origin.to_owned(),
            source,
            country_code,
            allowed_lateness_ms,
            rules,
            tables,
            decisions,
            allow_list: d.allow_list.as_ref().map(|p| match p.get_ref().as_str() {
                "builtin" => AllowListSource::Builtin,
                path => AllowListSource::File(path.into()),
            }),
            outputs,
            kafka,
            service,
        })
    }

    fn outputs(&mut self, raw: &RawPipeline) -> OutputsConfig {
        let o = &raw.outputs;
        let kafka = match o.kind.as_ref().map(|k| (k, k.get_ref().as_str())) {
            None | Some((_, "files")) => false,
            Some((_, "kafka")) => true,
            Some((k, other)) => {
                self.error(
                    k,
                    format!("outputs.kind `{other}` must be `files` or `kafka`"),
                );
                false
            }
        };
        let name = |value: &Option<String>, file: &str, topic: &str| -> PathBuf {
            value
                .as_deref()
                .unwrap_or(if kafka { topic } else { file })
                .into()
        };
        OutputsConfig {
            kafka,
            blocklist: name(&o.blocklist, "out/blocklist.jsonl", "blocklist"),
            alerts: name(&o.alerts, "out/alerts.jsonl", "alerts"),
            rejects: name(&o.rejects, "out/rejects.jsonl", "rejects"),
        }
    }

    fn kafka(&mut self, raw: &RawPipeline, needed: bool) -> Option<KafkaConfig> {
        let Some(k) = &raw.kafka else {
            if needed {
                self.errors.push(ConfigError {
                    origin: self.origin.to_owned(),
                    line: None,
                    message: "a kafka source or kafka outputs need a [kafka] section".into(),
                });
            }
            return None;
        };
        let partitions = match &k.partitions {
            None => 4,
            Some(p) => match i32::try_from(*p.get_ref()) {
                Ok(n) if n > 0 => n,
                _ => {
                    self.error(p, "kafka.partitions must be a positive whole number".into());
                    4
                }
            },
        };
        let common = table_options(&k.options);
        let with = |extra: &toml::Table| [common.clone(), table_options(extra)].concat();
        Some(KafkaConfig {
            brokers: k.brokers.clone().unwrap_or_else(|| "localhost:9092".into()),
            create_topics: k.create_topics.unwrap_or(false),
            partitions,
            consumer_options: with(&k.consumer_options),
            producer_options: with(&k.producer_options),
        })
    }

    fn service(&mut self, raw: &RawPipeline) -> ServiceConfig {
        let s = &raw.service;
        let defaults = ServiceConfig::default();
        let metrics_addr = match &s.metrics_addr {
            None => defaults.metrics_addr,
            Some(a) if a.get_ref().parse::<std::net::SocketAddr>().is_ok() => a.get_ref().clone(),
            Some(a) => {
                self.error(
                    a,
                    format!(
                        "service.metrics_addr `{}` is not an address like 0.0.0.0:9898",
                        a.get_ref()
                    ),
                );
                defaults.metrics_addr
            }
        };
        let ready_max_lag = match &s.ready_max_lag {
            None => defaults.ready_max_lag,
            Some(l) if *l.get_ref() >= 0 => *l.get_ref(),
            Some(l) => {
                self.error(l, "service.ready_max_lag must not be negative".into());
                defaults.ready_max_lag
            }
        };
        ServiceConfig {
            metrics_addr,
            commit_interval_ms: self.duration(
                s.commit_interval.as_ref(),
                "service.commit_interval",
                defaults.commit_interval_ms,
                true,
            ),
            ready_max_lag,
        }
    }

    fn source(&mut self, raw: &RawPipeline) -> SourceConfig {
        let s = &raw.source;
        let kind = s
            .kind
            .as_ref()
            .map_or("generator", |k| k.get_ref().as_str());
        match kind {
            "file" => match &s.path {
                Some(path) => SourceConfig::from_input(path.get_ref()).unwrap_or_else(|message| {
                    self.error(path, format!("source.path: {message}"));
                    SourceConfig::Generator(GeneratorConfig::default())
                }),
                None => {
                    if let Some(k) = &s.kind {
                        self.error(k, "source.kind = \"file\" needs source.path".into());
                    }
                    SourceConfig::Generator(GeneratorConfig::default())
                }
            },
            "generator" => {
                let mut config = GeneratorConfig::default();
                if let Some(n) = &s.subscribers {
                    match usize::try_from(*n.get_ref()) {
                        Ok(n) if n > 0 => config.subscribers = n,
                        _ => self.error(
                            n,
                            "source.subscribers must be a positive whole number".into(),
                        ),
                    }
                }
                if let Some(h) = &s.hours {
                    if *h.get_ref() > 0.0 {
                        config.hours = *h.get_ref();
                    } else {
                        self.error(h, "source.hours must be positive".into());
                    }
                }
                if let Some(seed) = s.seed {
                    config.seed = seed;
                }
                SourceConfig::Generator(config)
            }
            "kafka" => SourceConfig::Kafka {
                topics: s
                    .topics
                    .clone()
                    .unwrap_or_else(|| vec!["calls".into(), "sms".into()]),
                group: s.group.clone().unwrap_or_else(|| "scamstream".into()),
                idle_timeout_ms: self.duration(
                    s.idle_timeout.as_ref(),
                    "source.idle_timeout",
                    30_000,
                    true,
                ),
                checkpoint_topic: s
                    .checkpoint_topic
                    .clone()
                    .unwrap_or_else(|| "scamstream-checkpoints".into()),
            },
            other => {
                let message =
                    format!("source.kind `{other}` must be `file`, `generator` or `kafka`");
                if let Some(k) = &s.kind {
                    self.error(k, message);
                }
                SourceConfig::Generator(GeneratorConfig::default())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_default_is_valid() {
        parse_pipeline("default", default_pipeline_text()).unwrap();
    }

    #[test]
    fn every_problem_is_reported_with_its_line() {
        let text = "[source]\nkind = \"file\"\npath = \"x.txt\"\n\n[time]\nallowed_lateness = \"soon\"\n\n[decisions]\nblock_threshold = 1.5\nblock_ttl = \"0h\"\n";
        let errors = parse_pipeline("p.toml", text).unwrap_err().0;
        let lines: Vec<Option<usize>> = errors.iter().map(|e| e.line).collect();
        assert_eq!(
            lines,
            vec![Some(3), Some(6), Some(9), Some(10)],
            "{errors:?}"
        );
        assert!(errors[0].to_string().starts_with("p.toml:3: source.path"));
    }

    #[test]
    fn unknown_keys_are_errors_with_a_line() {
        let errors = parse_pipeline("p.toml", "[decisions]\nblock_treshold = 0.9\n")
            .unwrap_err()
            .0;
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].line, Some(2));
        assert!(
            errors[0].message.contains("block_treshold"),
            "{}",
            errors[0].message
        );
    }

    #[test]
    fn the_shipped_kafka_pipeline_is_valid() {
        let c = parse_pipeline("kafka", include_str!("../../pipelines/kafka.toml")).unwrap();
        assert!(matches!(c.source, SourceConfig::Kafka { .. }));
        assert!(c.outputs.kafka);
        assert_eq!(c.outputs.blocklist, PathBuf::from("blocklist"));
        assert_eq!(c.service.metrics_addr, "0.0.0.0:9898");
    }

    #[test]
    fn renewals_must_be_published_within_the_ttl() {
        let text = "[decisions]\nblock_ttl = \"1h\"\nrepublish_after = \"6h\"\n";
        let errors = parse_pipeline("p.toml", text).unwrap_err().0;
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].line, Some(3));
        assert!(errors[0].message.contains("shorter than"), "{errors:?}");
    }

    #[test]
    fn kafka_without_its_section_is_an_error() {
        let errors = parse_pipeline("p.toml", "[source]\nkind = \"kafka\"\n")
            .unwrap_err()
            .0;
        assert!(errors[0].message.contains("[kafka]"), "{errors:?}");
    }

    #[test]
    fn an_empty_file_means_every_default() {
        let c = parse_pipeline("p.toml", "").unwrap();
        assert_eq!(c.country_code, 66);
        assert_eq!(c.allowed_lateness_ms, 120_000);
        assert_eq!(c.rules, RuleSource::Dir("sql".into()));
        assert!(matches!(c.source, SourceConfig::Generator(_)));
    }

    #[test]
    fn builtin_copies_stand_in_only_for_files_not_at_hand() {
        let c = parse_pipeline("p.toml", "[decisions]\nallow_list = \"builtin\"\n").unwrap();
        assert_eq!(c.allow_list, Some(AllowListSource::Builtin));
        let dir = tempfile::tempdir().unwrap();
        let allow = dir.path().join("allow.csv");
        std::fs::write(&allow, "number\n").unwrap();
        let text = |rules: &Path, allow: &Path| {
            format!(
                "[rules]\ndir = {:?}\n[decisions]\nallow_list = {:?}\n",
                rules.display().to_string(),
                allow.display().to_string()
            )
        };
        let mut here = parse_pipeline("p.toml", &text(dir.path(), &allow)).unwrap();
        here.use_builtin_copies_not_at_hand();
        assert_eq!(here.rules, RuleSource::Dir(dir.path().into()));
        assert_eq!(here.allow_list, Some(AllowListSource::File(allow)));
        let gone = dir.path().join("gone");
        let mut away = parse_pipeline("p.toml", &text(&gone, &gone)).unwrap();
        away.use_builtin_copies_not_at_hand();
        assert_eq!(away.rules, RuleSource::Builtin);
        assert_eq!(away.allow_list, Some(AllowListSource::Builtin));
    }
}
