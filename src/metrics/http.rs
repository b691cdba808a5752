//! The HTTP endpoint Prometheus and the orchestrator talk to: `/metrics`
//! (Prometheus text format), `/healthz` (the process is alive) and
//! `/readyz` (rules loaded, partitions assigned, lag within bounds).

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;

use super::{Health, Metrics};

#[derive(Clone)]
struct Shared {
    metrics: Metrics,
    health: Arc<Health>,
    max_lag: i64,
}

/// Binds `addr` and serves until the process ends. Binding errors are
/// returned at once, so a taken port is reported at start-up.
pub async fn serve_http(
    addr: SocketAddr,
    metrics: Metrics,
    health: Arc<Health>,
    max_lag: i64,
) -> std::io::Result<tokio::task::JoinHandle<()>> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    let app = Router::new()
        .route("/metrics", get(render))
        .route("/healthz", get(|| async { "ok\n" }))
        .route("/readyz", get(ready))
        .with_state(Shared {
            metrics,
            health,
            max_lag,
        });
    Ok(tokio::spawn(async move {
        if let Err(error) = axum::serve(listener, app).await {
            tracing::error!(%error, "the metrics endpoint stopped");
        }
    }))
}

async fn render(State(shared): State<Shared>) -> impl IntoResponse {
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        shared.metrics.render(),
    )
}

async fn ready(State(shared): State<Shared>) -> impl IntoResponse {
    if shared.health.is_ready(shared.max_lag) {
        (StatusCode::OK, "ready\n")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "not ready\n")
    }
}
