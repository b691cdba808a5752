//! A real Kafka-protocol broker (nisshi), the engine as a process, and an
//! independent client (confluent-kafka, Python) for the service tests.
//!
//! `bash .ci/run` installs nisshi and the client; run alone, these tests say
//! what is missing instead of passing.

use std::collections::{HashMap, HashSet};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

/// The repository root.
pub(crate) fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A port nobody listens on now.
pub(crate) fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

fn wait_for_port(port: u16, what: &str, log: &Path) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!(
        "{what} did not listen on port {port} within 60 s; its log:\n{}",
        std::fs::read_to_string(log).unwrap_or_default()
    );
}

/// A nisshi broker in a scratch directory, stopped on drop.
pub(crate) struct Broker {
    child: Option<Child>,
    port: u16,
    dir: tempfile::TempDir,
    storage: &'static str,
}

impl Broker {
    /// A broker keeping its data in memory.
    pub(crate) fn start() -> Broker {
        Broker::start_with("memory://nisshi/")
    }

    /// A broker keeping its data in SQLite, so it survives a broker restart.
    pub(crate) fn start_durable() -> Broker {
        Broker::start_with("sqlite://nisshi.db")
    }

    fn start_with(storage: &'static str) -> Broker {
        let mut broker = Broker {
            child: None,
            port: free_port(),
            dir: tempfile::tempdir().expect("a scratch directory"),
            storage,
        };
        broker.resume();
        broker
    }

    /// `127.0.0.1:PORT`.
    pub(crate) fn addr(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    /// Kills the broker process (its data stays when it is durable).
    pub(crate) fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Starts the broker again on the same port.
    pub(crate) fn resume(&mut self) {
        let nisshi = std::env::var("SCAMSTREAM_TEST_NISSHI").unwrap_or_else(|_| "nisshi".into());
        let url = format!("tcp://127.0.0.1:{}", self.port);
        let log_path = self.dir.path().join("broker.log");
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&log_path)
            .expect("a broker log");
        let child = Command::new(&nisshi)
            .args([
                "broker",
                "--listener-url",
                &url,
                "--advertised-listener-url",
                &url,
            ])
            .args(["--group-initial-rebalance-delay", "0s"])
            .args(["--storage-engine", self.storage])
            .current_dir(self.dir.path())
            .stdout(log.try_clone().expect("log handle"))
            .stderr(log)
            .spawn()
            .unwrap_or_else(|e| {
                panic!(
                    "cannot start the test broker `{nisshi}` ({e}); `bash .ci/run` installs it \
                     (cargo install nisshi), or set SCAMSTREAM_TEST_NISSHI"
                )
            });
        self.child = Some(child);
        wait_for_port(self.port, "the nisshi broker", &log_path);
    }
}

impl Drop for Broker {
    fn drop(&mut self) {
        self.stop();
    }
}

/// The Python interpreter that has confluent-kafka.
fn python() -> String {
    std::env::var("SCAMSTREAM_TEST_PYTHON")
        .unwrap_or_else(|_| repo().join(".ci/.venv/bin/python").display().to_string())
}

/// Runs `tests/kafka_client.py` with `args`; returns its standard output.
pub(crate) fn client(args: &[&str]) -> String {
    let script = repo().join("tests/kafka_client.py");
    let output = Command::new(python())
        .arg(&script)
        .args(args)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "cannot run {} ({e}); `bash .ci/run` installs confluent-kafka in .ci/.venv, \
                 or set SCAMSTREAM_TEST_PYTHON",
                python()
            )
        });
    assert!(
        output.status.success(),
        "kafka_client.py {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("the client prints UTF-8")
}

/// Every message of `topic`, read by the independent client.
pub(crate) fn consume(broker: &Broker, topic: &str) -> Vec<Value> {
    client(&[
        "consume",
        "--brokers",
        &broker.addr(),
        "--topic",
        topic,
        "--idle",
        "2",
    ])
    .lines()
    .map(|l| serde_json::from_str(l).expect("the client prints JSON"))
    .collect()
}

/// The numbers a compacted block-list topic holds as blocked: the latest
/// value per key, tombstones removing the key.
pub(crate) fn blocked_in_topic(messages: &[Value]) -> HashSet<String> {
    let mut latest: HashMap<String, Option<Value>> = HashMap::new();
    for m in messages {
        let key = m["key"]
            .as_str()
            .expect("block-list entries are keyed")
            .to_owned();
        let value = m["value"]
            .as_str()
            .map(|v| serde_json::from_str::<Value>(v).expect("entries are JSON"));
        latest.insert(key, value);
    }
    latest
        .into_iter()
        .filter(|(_, v)| v.as_ref().is_some_and(|v| v["action"] == "block"))
        .map(|(k, _)| k)
        .collect()
}

/// Waits until `check` holds, re-evaluating it; panics with `what` after `limit`.
pub(crate) fn eventually<T>(
    limit: Duration,
    what: &str,
    mut check: impl FnMut() -> Option<T>,
) -> T {
    let deadline = Instant::now() + limit;
    loop {
        if let Some(value) = check() {
            return value;
        }
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(500));
    }
}

/// The engine in service mode, as a child process.
pub(crate) struct Engine {
    child: Option<Child>,
    pub(crate) metrics_port: u16,
    log: PathBuf,
}

impl Engine {
    /// Starts `scamstream run` on the test pipeline against `broker`.
    pub(crate) fn start(broker: &Broker, pipeline: &Path, log: &Path) -> Engine {
        let metrics_port = free_port();
        let out = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
            .expect("an engine log");
        let child = Command::new(env!("CARGO_BIN_EXE_scamstream"))
            .arg("run")
            .arg("--pipeline")
            .arg(pipeline)
            .args(["--brokers", &broker.addr()])
            .args(["--metrics-addr", &format!("127.0.0.1:{metrics_port}")])
            .current_dir(repo())
            .stdin(Stdio::null())
            .stdout(out.try_clone().expect("log handle"))
            .stderr(out)
            .spawn()
            .expect("the scamstream binary starts");
        wait_for_port(metrics_port, "the engine's metrics endpoint", log);
        Engine {
            child: Some(child),
            metrics_port,
            log: log.to_owned(),
        }
    }

    /// `GET path` on the metrics endpoint: status code and body.
    pub(crate) fn get(&self, path: &str) -> (u16, String) {
        http_get(self.metrics_port, path)
    }

    /// The value of a metric series, as `name{labels}` appears in `/metrics`.
    pub(crate) fn metric(&self, series: &str) -> Option<f64> {
        let (_, body) = self.get("/metrics");
        body.lines()
            .find_map(|l| l.strip_prefix(series)?.trim().parse().ok())
    }

    /// Whether the engine process is still running.
    pub(crate) fn is_running(&mut self) -> bool {
        self.child
            .as_mut()
            .is_some_and(|c| matches!(c.try_wait(), Ok(None)))
    }

    /// Kills the engine without warning.
    pub(crate) fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Sends SIGTERM and returns the exit code.
    pub(crate) fn terminate(&mut self) -> Option<i32> {
        let mut child = self.child.take()?;
        let _ = Command::new("kill")
            .args(["-TERM", &child.id().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(60);
        while Instant::now() < deadline {
            if let Ok(Some(status)) = child.try_wait() {
                return status.code();
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let _ = child.kill();
        panic!(
            "the engine did not stop within 60 s of SIGTERM; its log:\n{}",
            self.log_text()
        );
    }

    /// What the engine logged so far, without terminal colours.
    pub(crate) fn log_text(&self) -> String {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        let mut plain = String::with_capacity(text.len());
        let mut chars = text.chars();
        while let Some(c) = chars.next() {
            if c == '\u{1b}' {
                chars.by_ref().find(|&c| c == 'm');
            } else {
                plain.push(c);
            }
        }
        plain
    }
}

impl Drop for Engine {
    fn drop(&mut self) {
        self.kill();
    }
}

/// A minimal HTTP/1.1 GET on localhost.
pub(crate) fn http_get(port: u16, path: &str) -> (u16, String) {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
        return (0, String::new());
    };
    let request = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    if stream.write_all(request.as_bytes()).is_err() {
        return (0, String::new());
    }
    let mut response = String::new();
    let _ = stream.read_to_string(&mut response);
    let status = response
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_owned())
        .unwrap_or_default();
    (status, body)
}

/// The test pipeline: `pipelines/kafka.toml` with short timers.
pub(crate) fn test_pipeline(dir: &Path) -> PathBuf {
    test_pipeline_with(dir, &[])
}

/// [`test_pipeline`] with more text replacements.
pub(crate) fn test_pipeline_with(dir: &Path, replace: &[(&str, &str)]) -> PathBuf {
    let mut text = std::fs::read_to_string(repo().join("pipelines/kafka.toml"))
        .expect("pipelines/kafka.toml")
        .replace("idle_timeout = \"30s\"", "idle_timeout = \"3s\"")
        .replace("commit_interval = \"5s\"", "commit_interval = \"1s\"")
        // A killed member is noticed after this, not after librdkafka's 45 s.
        .replace(
            "[kafka.consumer_options]\n",
            "[kafka.consumer_options]\n\"session.timeout.ms\" = 6000\n\"heartbeat.interval.ms\" = 1000\n",
        );
    for (from, to) in replace {
        text = text.replace(from, to);
    }
    let path = dir.join("kafka-test.toml");
    std::fs::write(&path, text).expect("the test pipeline is written");
    path
}
