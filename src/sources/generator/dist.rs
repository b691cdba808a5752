//! The few random distributions the populations need.
//!
//! `rand` without `rand_distr` offers uniform draws only; talk times are
//! log-normal and event counts Poisson, so they are built here on top.

use rand::Rng;
use rand_chacha::ChaCha8Rng;

/// The generator's random source: fast, portable and reproducible for a seed.
pub(super) type Rand = ChaCha8Rng;

/// True with probability `p`.
pub(super) fn chance(rng: &mut Rand, p: f64) -> bool {
    rng.random::<f64>() < p
}

/// Uniform in `[lo, hi)`.
pub(super) fn uniform(rng: &mut Rand, lo: f64, hi: f64) -> f64 {
    lo + (hi - lo) * rng.random::<f64>()
}

/// Uniform integer in `[lo, hi)`; `lo` when the range is empty.
pub(super) fn between(rng: &mut Rand, lo: i64, hi: i64) -> i64 {
    if hi <= lo {
        lo
    } else {
        rng.random_range(lo..hi)
    }
}

/// Uniform index below `n`; 0 when `n` is 0.
pub(super) fn index(rng: &mut Rand, n: usize) -> usize {
    if n == 0 { 0 } else { rng.random_range(0..n) }
}

/// Standard normal (Box-Muller).
pub(super) fn normal(rng: &mut Rand) -> f64 {
    let u1 = 1.0 - rng.random::<f64>();
    let u2 = rng.random::<f64>();
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

/// Log-normal with the given median and log-space spread.
pub(super) fn lognormal(rng: &mut Rand, median: f64, sigma: f64) -> f64 {
    median * (sigma * normal(rng)).exp()
}

/// Exponential with the given mean.
pub(super) fn exponential(rng: &mut Rand, mean: f64) -> f64 {
    -mean * (1.0 - rng.random::<f64>()).ln()
}

/// Poisson count with mean `lambda` (normal approximation above 30).
pub(super) fn poisson(rng: &mut Rand, lambda: f64) -> u32 {
    if lambda <= 0.0 || lambda.is_nan() {
        return 0;
    }
    if lambda > 30.0 {
        let x = lambda + lambda.sqrt() * normal(rng);
        return x.round().max(0.0) as u32;
    }
    let limit = (-lambda).exp();
    let mut product = rng.random::<f64>();
    let mut n = 0;
    while product > limit {
        product *= rng.random::<f64>();
        n += 1;
    }
    n
}

/// Talk time in whole seconds: log-normal around `median_s`, between 1 s and `max_s`.
pub(super) fn talk_s(rng: &mut Rand, median_s: f64, sigma: f64, max_s: f64) -> u32 {
    lognormal(rng, median_s, sigma).clamp(1.0, max_s).round() as u32
}

/// A log-uniform rank below `n`: rank 0 most likely, as with favourite contacts.
pub(super) fn favourite(rng: &mut Rand, n: usize) -> usize {
    if n <= 1 {
        return 0;
    }
    let r = (n as f64 + 1.0).powf(rng.random::<f64>()) - 1.0;
    (r as usize).min(n - 1)
}
