//! `scamstream run`.

use super::{Failure, RunArgs, progress};
use crate::config::{PipelineConfig, SourceConfig, load_pipeline};
use crate::metrics::Metrics;
use crate::pipeline::{Outputs, Pipeline};
use crate::rules::RuleSource;
use crate::sources::{FileSource, GeneratorSource, Source};

/// Applies the flags on top of the pipeline file.
fn apply(args: RunArgs, config: &mut PipelineConfig) -> Result<(), Failure> {
    if let Some(input) = args.input {
        config.source = SourceConfig::from_input(&input)
            .map_err(|m| Failure::config(anyhow::anyhow!("--input: {m}")))?;
    }
    if let Some(p) = args.blocklist {
        config.outputs.blocklist = p;
    }
    if let Some(p) = args.alerts {
        config.outputs.alerts = p;
    }
    if let Some(p) = args.rejects {
        config.outputs.rejects = p;
    }
    if let Some(dir) = args.rules {
        config.rules = RuleSource::Dir(dir);
    }
    if let Some(brokers) = args.brokers {
        match &mut config.kafka {
            Some(kafka) => kafka.brokers = brokers,
            None => {
                return Err(Failure::config(anyhow::anyhow!(
                    "--brokers: the pipeline uses no Kafka (no [kafka] section)"
                )));
            }
        }
    }
    if let Some(addr) = args.metrics_addr {
        addr.parse::<std::net::SocketAddr>()
            .map_err(|e| Failure::config(anyhow::anyhow!("--metrics-addr `{addr}`: {e}")))?;
        config.service.metrics_addr = addr;
    }
    if let Some(cc) = args.country_code {
        crate::record::NumberNormalizer::new(cc)
            .map_err(|e| Failure::config(anyhow::anyhow!("--country-code: {e}")))?;
        config.country_code = cc;
    }
    Ok(())
}

/// Opens the configured source.
pub(crate) fn open_source(config: &SourceConfig) -> Result<Box<dyn Source>, Failure> {
    Ok(match config {
        SourceConfig::File { path, format } => {
            Box::new(FileSource::open(path, *format).map_err(Failure::runtime)?)
        }
        SourceConfig::Generator(g) => Box::new(GeneratorSource::new(g.clone())),
        SourceConfig::Kafka { .. } => {
            return Err(Failure::internal("a Kafka source runs in service mode"));
        }
    })
}

pub(crate) async fn run(args: RunArgs) -> Result<(), Failure> {
    let mut config = load_pipeline(args.pipeline.as_deref()).map_err(Failure::config)?;
    apply(args, &mut config)?;
    tracing::info!(
        pipeline = config.origin.as_str(),
        rules = %config.rules,
        "starting"
    );
    if matches!(config.source, SourceConfig::Kafka { .. }) {
        return super::serve::serve(config).await;
    }
    let metrics = Metrics::new();
    let outputs = Outputs::open(&config.outputs, config.kafka.as_ref(), &metrics)
        .map_err(Failure::runtime)?;
    let mut pipeline = Pipeline::build(&config, outputs, metrics).await?;
    let mut source = open_source(&config.source)?;
    let (total, unit) = match &config.source {
        SourceConfig::File { .. } => (source.progress().total, "bytes"),
        _ => (None, "records"),
    };
    let bar = progress::bar(total, unit);
    let summary = pipeline
        .run(source.as_mut(), &mut |p| progress::update(&bar, p))
        .await?;
    bar.finish_and_clear();
    println!("{summary}");
    println!(
        "outputs: blocklist {}, alerts {}, rejects {}",
        config.outputs.blocklist.display(),
        config.outputs.alerts.display(),
        config.outputs.rejects.display()
    );
    Ok(())
}
