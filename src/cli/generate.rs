//! `scamstream gen`: labelled traffic to files.

use std::path::Path;

use super::{Failure, GenArgs};
use crate::sources::generator::{GeneratorConfig, write_dataset};

impl GenArgs {
    /// The generator configuration these flags describe.
    pub fn config(&self) -> GeneratorConfig {
        GeneratorConfig {
            subscribers: self.subscribers,
            hours: self.hours,
            seed: self.seed,
            ..GeneratorConfig::default()
        }
    }
}

pub(crate) fn generate(out: &Path, args: &GenArgs) -> Result<(), Failure> {
    let records = write_dataset(&args.config(), out)
        .map_err(|e| Failure::runtime(anyhow::anyhow!("cannot write to {}: {e}", out.display())))?;
    println!(
        "wrote {records} records to {} and their labels to {}",
        out.join("records.jsonl").display(),
        out.join("labels.json").display()
    );
    Ok(())
}
