//! `scamstream rules check`: parse and plan rules without running anything.

use std::path::Path;

use super::Failure;
use crate::config::load_pipeline;
use crate::rules::{RuleEngine, RuleEnv, RuleSource};

pub(crate) async fn check(dir: &Path, pipeline: Option<&Path>) -> Result<(), Failure> {
    let env = match pipeline {
        Some(p) => load_pipeline(Some(p)).map_err(Failure::config)?.rule_env(),
        None => RuleEnv::default(),
    };
    let engine = RuleEngine::load(&RuleSource::Dir(dir.to_owned()), &env)
        .await
        .map_err(Failure::config)?;
    for rule in engine.rules() {
        println!(
            "ok  {:<28} window {:<14} action {:<6} scope {:<13} score {}{}  ({})",
            rule.name,
            rule.window.to_string(),
            rule.action.as_str(),
            rule.scope.as_str(),
            rule.score,
            if rule.bar_calls_to {
                "  bars calls to"
            } else {
                ""
            },
            rule.path.display()
        );
    }
    println!("{} rules planned without errors", engine.rules().len());
    Ok(())
}
