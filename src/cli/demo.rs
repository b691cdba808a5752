//! `scamstream demo`: the whole engine on generated traffic, scored against
//! the generator's labels. Needs no files, flags or services.

use super::{Failure, GenArgs, progress};
use crate::backtest::Quality;
use crate::config::{SourceConfig, builtin_pipeline};
use crate::metrics::Metrics;
use crate::pipeline::{Outputs, Pipeline};
use crate::sinks::MemorySink;
use crate::sources::GeneratorSource;

pub(crate) async fn demo(args: GenArgs) -> Result<(), Failure> {
    let mut config = builtin_pipeline().map_err(Failure::config)?;
    config.source = SourceConfig::Generator(args.config());
    println!(
        "scamstream demo: {} subscribers, {} h of traffic, seed {}, rules from {}",
        args.subscribers, args.hours, args.seed, config.rules
    );
    let blocklist = MemorySink::default();
    let alerts = MemorySink::default();
    let rejects = MemorySink::default();
    let outputs = Outputs {
        blocklist: Box::new(blocklist.clone()),
        alerts: Box::new(alerts.clone()),
        rejects: Box::new(rejects.clone()),
    };
    let mut pipeline = Pipeline::build(&config, outputs, Metrics::new()).await?;
    let mut source = GeneratorSource::new(args.config());
    let labels = source.labels().clone();
    let bar = progress::bar(None, "records");
    let summary = pipeline
        .run(&mut source, &mut |p| progress::update(&bar, p))
        .await?;
    bar.finish_and_clear();
    println!("{summary}\n");
    let entries = blocklist.lines();
    println!("first block-list entries:");
    for line in entries.iter().take(3) {
        println!("  {line}");
    }
    let blocked = crate::backtest::blocked_numbers(&entries);
    let quality = Quality::score(&blocked, &labels);
    println!("\n{quality}");
    Ok(())
}
