//! Combining the scores of several rules.

/// Noisy-OR: the chance that at least one of several independent signals is
/// right, `1 - Π(1 - s)`.
pub fn noisy_or(scores: impl IntoIterator<Item = f64>) -> f64 {
    1.0 - scores
        .into_iter()
        .map(|s| 1.0 - s.clamp(0.0, 1.0))
        .product::<f64>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn combines_independent_signals() {
        assert_eq!(noisy_or([]), 0.0);
        assert!((noisy_or([0.9]) - 0.9).abs() < 1e-12);
        assert!((noisy_or([0.5, 0.5]) - 0.75).abs() < 1e-12);
        assert_eq!(noisy_or([1.0, 0.2]), 1.0);
        assert!(
            (noisy_or([2.0, -1.0]) - 1.0).abs() < 1e-12,
            "out-of-range scores are clamped"
        );
    }
}
