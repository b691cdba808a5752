//! `scamstream backtest`: the pipeline over labelled history, scored.

use std::path::Path;

use super::{BacktestArgs, Failure, progress};
use crate::backtest::{render_html, run_backtest};
use crate::config::{SourceConfig, load_pipeline};
use crate::rules::RuleSource;
use crate::sources::generator::Labels;
use crate::sources::{FileSource, InputFormat};

pub(crate) async fn backtest(args: BacktestArgs) -> Result<(), Failure> {
    let mut config = load_pipeline(args.pipeline.as_deref()).map_err(Failure::config)?;
    if let Some(dir) = &args.rules {
        config.rules = RuleSource::Dir(dir.clone());
    }
    if let Some(cc) = args.country_code {
        crate::record::NumberNormalizer::new(cc)
            .map_err(|e| Failure::config(anyhow::anyhow!("--country-code: {e}")))?;
        config.country_code = cc;
    }
    let format = InputFormat::from_path(&args.input).ok_or_else(|| {
        Failure::config(anyhow::anyhow!(
            "--input {}: expected a .jsonl, .json or .csv file",
            args.input.display()
        ))
    })?;
    config.source = SourceConfig::File {
        path: args.input.clone(),
        format,
    };
    let labels = read_labels(&args.labels)?;
    let mut source = FileSource::open(&args.input, format).map_err(Failure::runtime)?;
    let bar = progress::bar(None, "records");
    let (report, summary) = run_backtest(&config, &mut source, &labels, &mut |p| {
        progress::update(&bar, p)
    })
    .await?;
    bar.finish_and_clear();
    println!("{summary}\n\n{report}");
    let title = format!(
        "{} against {} (seed {}, {} subscribers, {} h)",
        args.input.display(),
        args.labels.display(),
        labels.seed,
        labels.subscribers,
        labels.hours
    );
    write_report(&args.report, &render_html(&report, &title))?;
    println!("\nreport: {}", args.report.display());
    Ok(())
}

fn read_labels(path: &Path) -> Result<Labels, Failure> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        Failure::config(anyhow::anyhow!(
            "--labels {}: cannot read: {e}",
            path.display()
        ))
    })?;
    serde_json::from_str(&text).map_err(|e| {
        Failure::config(anyhow::anyhow!(
            "--labels {}: not labels as `scamstream gen` writes them: {e}",
            path.display()
        ))
    })
}

fn write_report(path: &Path, html: &str) -> Result<(), Failure> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| {
            Failure::runtime(anyhow::anyhow!(
                "--report: cannot create {}: {e}",
                dir.display()
            ))
        })?;
    }
    std::fs::write(path, html)
        .map_err(|e| Failure::runtime(anyhow::anyhow!("--report {}: {e}", path.display())))
}
