//! Progress on a terminal (hidden when standard error is not one).

use indicatif::{ProgressBar, ProgressStyle};

use crate::sources::Progress;

/// A progress bar for a source: bytes when the size is known, a record
/// counter otherwise.
pub(crate) fn bar(total: Option<u64>, unit: &str) -> ProgressBar {
    match total {
        Some(total) => {
            let bar = ProgressBar::new(total);
            if let Ok(style) = ProgressStyle::with_template(
                "{bar:40} {bytes}/{total_bytes} {bytes_per_sec} eta {eta}",
            ) {
                bar.set_style(style);
            }
            bar
        }
        None => {
            let bar = ProgressBar::new_spinner();
            let template = format!("{{spinner}} {{pos}} {unit} ({{per_sec}})");
            if let Ok(style) = ProgressStyle::with_template(&template) {
                bar.set_style(style);
            }
            bar
        }
    }
}

/// Moves the bar to where the source is.
pub(crate) fn update(bar: &ProgressBar, progress: Progress) {
    bar.set_position(progress.done);
}
