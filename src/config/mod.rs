//! Pipeline files: TOML under `pipelines/` naming the source, the rules, the
//! reference tables, thresholds, lateness, TTL and outputs.
//!
//! Reading happens in two steps. [`raw`] mirrors the file with serde
//! (`deny_unknown_fields`, so a typo is an error, not a silently ignored
//! setting); `resolve` turns it into a [`PipelineConfig`] whose values are
//! checked and typed, collecting every problem with its line before
//! reporting them together.

mod error;
pub mod raw;
mod resolve;

pub use error::{ConfigError, ConfigErrors};
pub use resolve::{
    AllowListSource, DEFAULT_PIPELINE_PATH, KafkaConfig, OutputsConfig, PipelineConfig,
    ServiceConfig, SourceConfig, builtin_pipeline, default_pipeline_text, load_pipeline,
    parse_pipeline,
};
