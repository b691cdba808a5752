//! The deployment files under `docker/`, checked without a Docker engine:
//! they parse, every path they reference exists, the pipeline they run
//! validates, Prometheus's own `promtool` accepts the scrape configuration,
//! and every metric the Grafana dashboard queries is one scamstream exports.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use scamstream::config::parse_pipeline;
use scamstream::metrics::Metrics;
use serde_json::Value;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn yaml(path: &Path) -> serde_yaml_ng::Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_yaml_ng::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn compose_references_files_that_exist() {
    let docker = repo().join("docker");
    let compose = yaml(&docker.join("compose.yaml"));
    let services = compose["services"].as_mapping().expect("services");
    for name in ["kafka", "scamstream", "prometheus", "grafana"] {
        assert!(services.contains_key(name), "service {name} is missing");
    }
    let build = &compose["services"]["scamstream"]["build"];
    let context = docker.join(build["context"].as_str().unwrap());
    assert!(
        context
            .join(build["dockerfile"].as_str().unwrap())
            .is_file()
    );
    for (_, service) in services {
        for volume in service["volumes"].as_sequence().into_iter().flatten() {
            let host = volume.as_str().unwrap().split(':').next().unwrap();
            assert!(
                docker.join(host).exists(),
                "volume source {host} is missing"
            );
        }
    }
    let command: Vec<&str> = compose["services"]["scamstream"]["command"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let pipeline = command[command.iter().position(|a| *a == "--pipeline").unwrap() + 1];
    let text = std::fs::read_to_string(repo().join(pipeline)).unwrap();
    let config = parse_pipeline(pipeline, &text).unwrap_or_else(|e| panic!("{e}"));
    assert!(config.outputs.kafka, "the stack publishes to Kafka");
    let metrics_port = config
        .service
        .metrics_addr
        .rsplit(':')
        .next()
        .unwrap()
        .to_owned();
    let scrape = yaml(&docker.join("prometheus.yml"));
    let target = scrape["scrape_configs"][0]["static_configs"][0]["targets"][0]
        .as_str()
        .unwrap();
    assert_eq!(target, format!("scamstream:{metrics_port}"));
}

#[test]
fn the_dockerfile_copies_paths_that_exist() {
    let dockerfile = std::fs::read_to_string(repo().join("docker/Dockerfile")).unwrap();
    let mut copies = 0;
    for line in dockerfile.lines() {
        let Some(args) = line.trim().strip_prefix("COPY ") else {
            continue;
        };
        if args.starts_with("--from") {
            continue;
        }
        let parts: Vec<&str> = args.split_whitespace().collect();
        for source in &parts[..parts.len() - 1] {
            assert!(repo().join(source).exists(), "COPY {source}: no such path");
            copies += 1;
        }
    }
    assert!(
        copies >= 5,
        "the build copies the sources, rules and pipelines"
    );
    assert!(dockerfile.contains("pipelines/docker.toml"));
}

#[test]
fn promtool_accepts_the_scrape_configuration() {
    let output = std::process::Command::new("promtool")
        .args(["check", "config"])
        .arg(repo().join("docker/prometheus.yml"))
        .output()
        .expect("promtool runs (`bash .ci/run` installs Debian's prometheus package)");
    assert!(
        output.status.success(),
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn the_dashboard_queries_only_metrics_that_exist() {
    let docker = repo().join("docker");
    let provider = yaml(&docker.join("grafana/provisioning/dashboards/scamstream.yaml"));
    assert_eq!(
        provider["providers"][0]["options"]["path"].as_str(),
        Some("/var/lib/grafana/dashboards")
    );
    yaml(&docker.join("grafana/provisioning/datasources/prometheus.yaml"));
    let text = std::fs::read_to_string(docker.join("grafana/dashboards/scamstream.json")).unwrap();
    let dashboard: Value = serde_json::from_str(&text).unwrap();
    let exported = exported_metrics();
    let mut queried = BTreeSet::new();
    for panel in dashboard["panels"].as_array().unwrap() {
        for target in panel["targets"].as_array().unwrap() {
            let expr = target["expr"].as_str().unwrap();
            queried.extend(metric_names(expr));
        }
    }
    assert!(queried.len() >= 10, "{queried:?}");
    let unknown: Vec<_> = queried.difference(&exported).collect();
    assert!(
        unknown.is_empty(),
        "the dashboard queries unknown metrics: {unknown:?}"
    );
    for wanted in [
        "scamstream_records_received_total",
        "scamstream_kafka_consumer_lag_messages",
        "scamstream_windowing_watermark_lag_seconds",
        "scamstream_rules_hits_total",
        "scamstream_rules_evaluation_seconds",
        "scamstream_decisions_blocklist_numbers",
        "scamstream_records_rejected_total",
    ] {
        assert!(
            queried.contains(wanted),
            "the dashboard does not show {wanted}"
        );
    }
}

/// Every metric family the engine exports (histograms by their base name).
fn exported_metrics() -> BTreeSet<String> {
    let metrics = Metrics::new();
    metrics.register_rule("any_rule");
    metrics
        .consumer_lag
        .with_label_values(&["calls", "0"])
        .set(0);
    metrics.records_received.with_label_values(&["calls"]);
    metrics.decisions.with_label_values(&["block"]);
    metrics
        .registry()
        .gather()
        .iter()
        .map(|f| f.name().to_owned())
        .collect()
}

/// The `scamstream_…` names in a PromQL expression, histogram suffixes removed.
fn metric_names(expr: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = expr;
    while let Some(start) = rest.find("scamstream_") {
        let tail = &rest[start..];
        let end = tail
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(tail.len());
        let name = &tail[..end];
        let base = name
            .strip_suffix("_bucket")
            .or_else(|| name.strip_suffix("_sum"))
            .or_else(|| name.strip_suffix("_count"))
            .unwrap_or(name);
        names.push(base.to_owned());
        rest = &tail[end..];
    }
    names
}
