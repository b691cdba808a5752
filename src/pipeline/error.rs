//! Why a run stopped, grouped by who must act.

use crate::config::ConfigErrors;
use crate::decisions::AllowListError;
use crate::rules::RuleErrors;
use crate::sinks::SinkError;
use crate::sources::{KafkaSourceError, SourceError};

/// Why a pipeline could not be built or could not go on.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    /// The user must fix the pipeline file or flags.
    #[error("{0}")]
    Config(#[from] ConfigErrors),
    /// The user must fix the rule files.
    #[error("{0}")]
    Rules(#[from] RuleErrors),
    /// The user must fix the allow-list.
    #[error("{0}")]
    AllowList(#[from] AllowListError),
    /// The input could not be read.
    #[error("{0}")]
    Source(#[from] SourceError),
    /// The Kafka consumer failed.
    #[error("{0}")]
    Kafka(#[from] KafkaSourceError),
    /// An output could not be written.
    #[error("{0}")]
    Sink(#[from] SinkError),
    /// A bug in scamstream.
    #[error("internal error (this is a bug, please report it): {0}")]
    Internal(String),
}

impl From<super::decode::PoolStopped> for PipelineError {
    fn from(stopped: super::decode::PoolStopped) -> Self {
        PipelineError::Internal(stopped.to_string())
    }
}

impl PipelineError {
    /// Whether the user's configuration (pipeline, rules, tables) is at fault.
    pub fn is_config(&self) -> bool {
        matches!(
            self,
            PipelineError::Config(_) | PipelineError::Rules(_) | PipelineError::AllowList(_)
        )
    }
}
