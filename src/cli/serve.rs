//! `scamstream run` with a Kafka source: service mode.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use super::Failure;
use crate::config::{KafkaConfig, PipelineConfig, SourceConfig};
use crate::metrics::{Health, Metrics, serve_http};
use crate::pipeline::{Checkpoints, Outputs, Pipeline, ServiceOptions, stop_on_signals};
use crate::sinks::{KafkaSink, Producer, TopicSpec, ensure_topics};
use crate::sources::{KafkaSource, KafkaSourceConfig, read_topic, read_topic_since};

/// Records per chunk, and how long a chunk waits to fill.
const CHUNK_RECORDS: usize = 20_000;
const CHUNK_WAIT: Duration = Duration::from_millis(200);

pub(crate) async fn serve(config: PipelineConfig) -> Result<(), Failure> {
    let SourceConfig::Kafka {
        topics,
        group,
        idle_timeout_ms,
        checkpoint_topic,
    } = &config.source
    else {
        return Err(Failure::internal("service mode needs a kafka source"));
    };
    let Some(kafka) = config.kafka.clone() else {
        return Err(Failure::internal(
            "a kafka source passed validation without [kafka]",
        ));
    };
    if kafka.create_topics {
        create_topics(&kafka, topics, checkpoint_topic, &config).await?;
    }
    let metrics = Metrics::new();
    let health = Arc::new(Health::default());
    let addr: SocketAddr = config
        .service
        .metrics_addr
        .parse()
        .map_err(|e| Failure::config(anyhow::anyhow!("metrics address: {e}")))?;
    serve_http(
        addr,
        metrics.clone(),
        Arc::clone(&health),
        config.service.ready_max_lag,
    )
    .await
    .map_err(|e| Failure::runtime(anyhow::anyhow!("cannot listen on {addr}: {e}")))?;
    tracing::info!(%addr, "serving /metrics, /healthz and /readyz");
    let outputs =
        Outputs::open(&config.outputs, Some(&kafka), &metrics).map_err(Failure::runtime)?;
    let mut pipeline = Pipeline::build(&config, outputs, metrics).await?;
    pipeline.set_idle_timeout(Duration::from_millis(*idle_timeout_ms as u64));
    if config.outputs.kafka {
        restore_blocks(&mut pipeline, &kafka, &config)?;
        restore_alerts(&mut pipeline, &kafka, &config)?;
    }
    let mut source = KafkaSource::connect(KafkaSourceConfig {
        brokers: kafka.brokers.clone(),
        topics: topics.clone(),
        group: group.clone(),
        options: kafka.consumer_options.clone(),
        max_records: CHUNK_RECORDS,
        max_wait: CHUNK_WAIT,
    })
    .map_err(Failure::runtime)?;
    tracing::info!(topics = ?topics, group = group.as_str(), "consuming");
    let producer = Producer::new(
        &kafka.brokers,
        &kafka.producer_options,
        pipeline.metrics().producer_errors.clone(),
    )
    .map_err(Failure::runtime)?;
    let mut checkpoints = Checkpoints::new(
        KafkaSink::new(producer, checkpoint_topic.clone()),
        &kafka.brokers,
        checkpoint_topic,
        group,
        &kafka.consumer_options,
    );
    let stop = stop_on_signals();
    let options = ServiceOptions {
        commit_interval: Duration::from_millis(config.service.commit_interval_ms as u64),
    };
    pipeline
        .serve(&mut source, &mut checkpoints, options, &health, &stop)
        .await?;
    tracing::info!("stopped cleanly");
    Ok(())
}

async fn create_topics(
    kafka: &KafkaConfig,
    inputs: &[String],
    checkpoint_topic: &str,
    config: &PipelineConfig,
) -> Result<(), Failure> {
    let mut specs: Vec<TopicSpec> = inputs
        .iter()
        .map(|name| TopicSpec {
            name: name.clone(),
            compacted: false,
        })
        .collect();
    specs.push(TopicSpec {
        name: checkpoint_topic.to_owned(),
        compacted: true,
    });
    if config.outputs.kafka {
        let o = &config.outputs;
        for (path, compacted) in [
            (&o.blocklist, true),
            (&o.alerts, false),
            (&o.rejects, false),
        ] {
            specs.push(TopicSpec {
                name: path.to_string_lossy().into_owned(),
                compacted,
            });
        }
    }
    ensure_topics(
        &kafka.brokers,
        &kafka.producer_options,
        &specs,
        kafka.partitions,
    )
    .await
    .map_err(Failure::runtime)
}

/// Reads the alerts of the last block TTL back (by the broker's clock), so
/// that a restart does not announce them again.
fn restore_alerts(
    pipeline: &mut Pipeline,
    kafka: &KafkaConfig,
    config: &PipelineConfig,
) -> Result<(), Failure> {
    let topic = config.outputs.alerts.to_string_lossy();
    let since_ms = chrono::Utc::now().timestamp_millis() - config.decisions.block_ttl_ms;
    let entries = read_topic_since(
        &kafka.brokers,
        &topic,
        &kafka.consumer_options,
        Some(since_ms),
    )
    .map_err(Failure::runtime)?;
    let restored = pipeline.restore_alerts(entries.iter().filter_map(|(_, v)| v.as_deref()));
    tracing::info!(
        topic = topic.as_ref(),
        messages = entries.len(),
        restored,
        "alerts of the last block TTL read back"
    );
    Ok(())
}

/// Reads the block-list topic back so blocks survive restarts.
fn restore_blocks(
    pipeline: &mut Pipeline,
    kafka: &KafkaConfig,
    config: &PipelineConfig,
) -> Result<(), Failure> {
    let topic = config.outputs.blocklist.to_string_lossy();
    let entries =
        read_topic(&kafka.brokers, &topic, &kafka.consumer_options).map_err(Failure::runtime)?;
    let restored = pipeline.restore_blocks(
        entries
            .iter()
            .map(|(key, value)| (key.as_str(), value.as_deref())),
    );
    tracing::info!(
        topic = topic.as_ref(),
        messages = entries.len(),
        restored,
        "block-list read back"
    );
    Ok(())
}
