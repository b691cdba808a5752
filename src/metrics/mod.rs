//! Every metric scamstream exports, defined in one place.
//!
//! Names follow `scamstream_<subsystem>_<name>_<unit>[_total]`; labels come
//! from small fixed sets (rule name, reject reason, decision action, source
//! kind), never from numbers or other data. Stages update them once per
//! batch or per window, not per record. The run summary is read from these
//! same counters, so what a person sees and what Prometheus scrapes agree.

mod health;
mod http;
mod names;
mod registry;

pub use health::Health;
pub use http::serve_http;
pub use names::*;
pub use registry::Metrics;
