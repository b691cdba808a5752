//! Window declarations: `15m` (tumbling) or `1h every 5m` (hopping).

use std::fmt;

use super::duration::{DurationError, format_duration, parse_duration};

/// A window kind: `size` long, starting every `slide`, aligned to the Unix
/// epoch (so `1h every 5m` windows start at :00, :05, ...). Tumbling windows
/// have `slide == size`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct WindowSpec {
    /// Window length in milliseconds.
    pub size_ms: i64,
    /// Distance between window starts in milliseconds.
    pub slide_ms: i64,
}

/// Why a window declaration is not usable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WindowSpecError {
    /// A part is not a duration.
    #[error(transparent)]
    Duration(#[from] DurationError),
    /// Zero-length windows or slides.
    #[error("window size and slide must be positive")]
    NotPositive,
    /// Hops that do not tile the window.
    #[error("the window size ({size}) must be a whole multiple of the slide ({slide})")]
    NotAMultiple {
        /// The size as written.
        size: String,
        /// The slide as written.
        slide: String,
    },
}

impl WindowSpec {
    /// Parses `15m` or `1h every 5m`.
    pub fn parse(text: &str) -> Result<Self, WindowSpecError> {
        let (size, slide) = match text.split_once(" every ") {
            Some((size, slide)) => (parse_duration(size)?, parse_duration(slide)?),
            None => {
                let size = parse_duration(text)?;
                (size, size)
            }
        };
        if size <= 0 || slide <= 0 {
            return Err(WindowSpecError::NotPositive);
        }
        if size % slide != 0 {
            return Err(WindowSpecError::NotAMultiple {
                size: format_duration(size),
                slide: format_duration(slide),
            });
        }
        Ok(WindowSpec {
            size_ms: size,
            slide_ms: slide,
        })
    }

    /// The end of the first window that contains `ts`.
    pub fn first_end_after(&self, ts: i64) -> i64 {
        (ts.div_euclid(self.slide_ms) + 1) * self.slide_ms
    }

    /// The windows (as `[start, end)`) that contain `ts`, earliest first.
    pub fn windows_containing(&self, ts: i64) -> impl Iterator<Item = (i64, i64)> + use<> {
        let first_end = self.first_end_after(ts);
        let (size, slide) = (self.size_ms, self.slide_ms);
        (0..size / slide).map(move |k| {
            let end = first_end + k * slide;
            (end - size, end)
        })
    }
}

impl fmt::Display for WindowSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.size_ms == self.slide_ms {
            write!(f, "{}", format_duration(self.size_ms))
        } else {
            write!(
                f,
                "{} every {}",
                format_duration(self.size_ms),
                format_duration(self.slide_ms)
            )
        }
    }
}

/// Greatest common divisor, for the pane length shared by several specs.
pub(crate) fn gcd(a: i64, b: i64) -> i64 {
    if b == 0 { a.abs() } else { gcd(b, a % b) }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIN: i64 = 60_000;

    #[test]
    fn tumbling_and_hopping() {
        assert_eq!(
            WindowSpec::parse("15m").unwrap(),
            WindowSpec {
                size_ms: 15 * MIN,
                slide_ms: 15 * MIN
            }
        );
        assert_eq!(
            WindowSpec::parse("1h every 5m").unwrap(),
            WindowSpec {
                size_ms: 60 * MIN,
                slide_ms: 5 * MIN
            }
        );
        assert_eq!(
            WindowSpec::parse("1h every 5m").unwrap().to_string(),
            "1h every 5m"
        );
        assert_eq!(WindowSpec::parse("15m").unwrap().to_string(), "15m");
    }

    #[test]
    fn invalid_specs() {
        assert!(matches!(
            WindowSpec::parse("1h every 7m"),
            Err(WindowSpecError::NotAMultiple { .. })
        ));
        assert!(matches!(
            WindowSpec::parse("0m"),
            Err(WindowSpecError::NotPositive)
        ));
        assert!(WindowSpec::parse("hourly").is_err());
    }

    #[test]
    fn window_assignment() {
        let spec = WindowSpec::parse("15m every 5m").unwrap();
        let ts = 7 * MIN;
        let windows: Vec<_> = spec.windows_containing(ts).collect();
        assert_eq!(
            windows,
            vec![(-5 * MIN, 10 * MIN), (0, 15 * MIN), (5 * MIN, 20 * MIN)]
        );
        for (start, end) in windows {
            assert!(start <= ts && ts < end);
        }
        // A record exactly on a boundary belongs to the window starting there.
        let tumbling = WindowSpec::parse("5m").unwrap();
        assert_eq!(
            tumbling.windows_containing(5 * MIN).next(),
            Some((5 * MIN, 10 * MIN))
        );
        assert_eq!(tumbling.windows_containing(-1).next(), Some((-5 * MIN, 0)));
    }

    #[test]
    fn gcd_of_specs() {
        assert_eq!(gcd(15 * MIN, 5 * MIN), 5 * MIN);
        assert_eq!(gcd(60 * MIN, 25 * MIN), 5 * MIN);
    }
}
