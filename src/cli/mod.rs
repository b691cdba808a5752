//! The command line: `run`, `demo`, `gen`, `backtest` and `rules check`.

mod backtest;
mod demo;
mod generate;
mod progress;
mod rules_check;
mod run;
mod serve;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::pipeline::PipelineError;

/// Exit code for success.
pub const EXIT_OK: u8 = 0;
/// Exit code for a runtime failure.
pub const EXIT_FAILURE: u8 = 1;
/// Exit code for bad usage (clap uses it too).
pub const EXIT_USAGE: u8 = 2;
/// Exit code for configuration or rule errors (`EX_CONFIG`).
pub const EXIT_CONFIG: u8 = 78;

/// scamstream: SQL rules over event-time windows of call and SMS records,
/// feeding a block-list.
#[derive(Debug, Parser)]
#[command(name = "scamstream", version, about, propagate_version = true)]
pub struct Cli {
    /// Log format on standard error.
    #[arg(long, global = true, value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Log formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line.
    Json,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run a pipeline over a file, standard input or generated traffic.
    Run(RunArgs),
    /// Generate an hour of labelled traffic in memory, run the default
    /// pipeline on it and score the block-list against the labels.
    Demo(GenArgs),
    /// Write generated traffic and its labels to a directory.
    Gen {
        /// Directory for records.jsonl and labels.json.
        #[arg(long)]
        out: PathBuf,
        /// Generator settings.
        #[command(flatten)]
        settings: GenArgs,
    },
    /// Run the pipeline over labelled history and score every rule:
    /// precision per rule, recall per fraud class, time to detect.
    Backtest(BacktestArgs),
    /// Rule files.
    Rules {
        /// What to do with them.
        #[command(subcommand)]
        command: RulesCommand,
    },
}

/// `rules` subcommands.
#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// Parse and plan every rule, reporting every problem with file and line.
    Check {
        /// The rule directory.
        #[arg(default_value = "sql")]
        dir: PathBuf,
        /// A pipeline whose reference tables the rules may join.
        #[arg(long)]
        pipeline: Option<PathBuf>,
    },
}

/// `run` flags; each overrides the pipeline file.
#[derive(Debug, Args, Default)]
pub struct RunArgs {
    /// Pipeline file (default: pipelines/default.toml).
    #[arg(long)]
    pub pipeline: Option<PathBuf>,
    /// Input: a .jsonl, .json or .csv file, or - for JSON Lines on stdin.
    #[arg(long)]
    pub input: Option<String>,
    /// Block-list output (JSON Lines; - for stdout).
    #[arg(long)]
    pub blocklist: Option<PathBuf>,
    /// Alerts output.
    #[arg(long)]
    pub alerts: Option<PathBuf>,
    /// Rejects output.
    #[arg(long)]
    pub rejects: Option<PathBuf>,
    /// Rule directory.
    #[arg(long)]
    pub rules: Option<PathBuf>,
    /// Country calling code of national numbers (0…).
    #[arg(long)]
    pub country_code: Option<u16>,
    /// Kafka bootstrap servers, HOST:PORT[,HOST:PORT…] (overrides `brokers` in `[kafka]`).
    #[arg(long)]
    pub brokers: Option<String>,
    /// Listen address of /metrics, /healthz and /readyz (default 0.0.0.0:9898).
    #[arg(long)]
    pub metrics_addr: Option<String>,
}

/// Flags of `backtest`.
#[derive(Debug, Args)]
pub struct BacktestArgs {
    /// Records to replay: .jsonl, .json or .csv.
    #[arg(long)]
    pub input: PathBuf,
    /// Labels in the format `scamstream gen` writes (labels.json).
    #[arg(long)]
    pub labels: PathBuf,
    /// Rule directory (overrides the pipeline's).
    #[arg(long)]
    pub rules: Option<PathBuf>,
    /// Pipeline file for thresholds, tables and lateness (default: pipelines/default.toml).
    #[arg(long)]
    pub pipeline: Option<PathBuf>,
    /// Where to write the HTML report.
    #[arg(long, default_value = "out/backtest.html")]
    pub report: PathBuf,
    /// Country calling code of national numbers (overrides the pipeline's).
    #[arg(long)]
    pub country_code: Option<u16>,
}

/// Generator settings.
#[derive(Debug, Args, Clone)]
pub struct GenArgs {
    /// Ordinary subscribers.
    #[arg(long, default_value_t = 20_000)]
    pub subscribers: usize,
    /// Hours of traffic.
    #[arg(long, default_value_t = 1.0)]
    pub hours: f64,
    /// Random seed.
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
}

/// A failure with the exit code it maps to.
#[derive(Debug)]
pub struct Failure {
    /// The process exit code.
    pub code: u8,
    /// What went wrong.
    pub error: anyhow::Error,
}

impl From<PipelineError> for Failure {
    fn from(e: PipelineError) -> Self {
        let code = if e.is_config() {
            EXIT_CONFIG
        } else {
            EXIT_FAILURE
        };
        Failure {
            code,
            error: e.into(),
        }
    }
}

impl Failure {
    fn config(error: impl Into<anyhow::Error>) -> Self {
        Failure {
            code: EXIT_CONFIG,
            error: error.into(),
        }
    }

    fn runtime(error: impl Into<anyhow::Error>) -> Self {
        Failure {
            code: EXIT_FAILURE,
            error: error.into(),
        }
    }

    fn internal(message: &'static str) -> Self {
        Failure::runtime(anyhow::anyhow!("internal error (a bug): {message}"))
    }
}

/// Runs a parsed command line.
pub fn execute(cli: Cli) -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::from(EXIT_FAILURE);
        }
    };
    let outcome = runtime.block_on(async {
        match cli.command {
            Command::Run(args) => run::run(args).await,
            Command::Demo(args) => demo::demo(args).await,
            Command::Gen { out, settings } => generate::generate(&out, &settings),
            Command::Backtest(args) => backtest::backtest(args).await,
            Command::Rules {
                command: RulesCommand::Check { dir, pipeline },
            } => rules_check::check(&dir, pipeline.as_deref()).await,
        }
    });
    match outcome {
        Ok(()) => ExitCode::from(EXIT_OK),
        Err(failure) => {
            eprintln!("error: {}", failure.error);
            ExitCode::from(failure.code)
        }
    }
}
