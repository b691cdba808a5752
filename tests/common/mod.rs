//! Helpers shared by the integration tests.
#![allow(dead_code, missing_docs)]

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

pub(crate) mod kafka;

/// Runs the scamstream binary with `args` in the repository root.
pub(crate) fn scamstream(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_scamstream"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the scamstream binary runs")
}

/// Runs `scamstream gen` into `out`; panics with its error output on failure.
pub(crate) fn generate(out: &Path, subscribers: &str, seed: &str) {
    let run = scamstream(&[
        "gen",
        "--out",
        out.to_str().unwrap(),
        "--subscribers",
        subscribers,
        "--seed",
        seed,
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
}

/// `scamstream run --input … --blocklist … --alerts … --rejects …`.
pub(crate) fn run_file(input: &Path, blocklist: &Path, alerts: &Path, rejects: &Path) -> Output {
    run_file_with(
        Path::new("pipelines/default.toml"),
        input,
        blocklist,
        alerts,
        rejects,
    )
}

/// [`run_file`] with another pipeline file.
pub(crate) fn run_file_with(
    pipeline: &Path,
    input: &Path,
    blocklist: &Path,
    alerts: &Path,
    rejects: &Path,
) -> Output {
    scamstream(&[
        "run",
        "--pipeline",
        pipeline.to_str().unwrap(),
        "--input",
        input.to_str().unwrap(),
        "--blocklist",
        blocklist.to_str().unwrap(),
        "--alerts",
        alerts.to_str().unwrap(),
        "--rejects",
        rejects.to_str().unwrap(),
    ])
}

/// Parses a JSON Lines file.
pub(crate) fn read_jsonl(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).expect("every output line is JSON"))
        .collect()
}

/// Numbers with a `block` entry.
pub(crate) fn blocked(entries: &[Value]) -> HashSet<String> {
    entries
        .iter()
        .filter(|e| e["action"] == "block")
        .map(|e| e["number"].as_str().unwrap().to_owned())
        .collect()
}

/// The labels `gen` wrote: fraud number -> class, look-alike number -> kind.
pub(crate) fn labels(path: &Path) -> (HashMap<String, String>, HashMap<String, String>) {
    let labels: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let map = |key: &str, field: &str| {
        labels[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| {
                (
                    l["number"].as_str().unwrap().to_owned(),
                    l[field].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    (map("fraud", "class"), map("lookalikes", "kind"))
}
