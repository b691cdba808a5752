//! How sure a rate seen on few events is. A SIM with 3 answers out of 10
//! calls and one with 30 out of 100 share a 30 % answer rate, but only the
//! second proves its true rate is low; rules that judge rates on an hour
//! of one number's traffic need the difference, or every unlucky heavy
//! caller looks like a call centre.

/// The one-sided 95 % normal quantile.
const Z_95: f64 = 1.644_853_626_951_472_2;

/// The upper bound of the one-sided 95 % Wilson score interval of a rate
/// observed as `successes` out of `trials`: the true rate is below it with
/// 95 % confidence. `None` unless `0 <= successes <= trials` and `trials > 0`.
pub(super) fn rate_upper_bound(successes: i64, trials: i64) -> Option<f64> {
    if trials <= 0 || !(0..=trials).contains(&successes) {
        return None;
    }
    let n = trials as f64;
    let p = successes as f64 / n;
    let z2 = Z_95 * Z_95;
    let centre = p + z2 / (2.0 * n);
    let margin = Z_95 * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    Some(((centre + margin) / (1.0 + z2 / n)).min(1.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bound(k: i64, n: i64) -> f64 {
        rate_upper_bound(k, n).unwrap()
    }

    #[test]
    fn matches_the_wilson_formula_worked_by_hand() {
        // z^2 / (n + z^2) for no successes; the others from the formula in
        // a calculator.
        assert!((bound(0, 10) - 0.212_942).abs() < 1e-6);
        assert!((bound(4, 10) - 0.648_361).abs() < 1e-6);
        assert!((bound(40, 100) - 0.482_190).abs() < 1e-6);
        assert_eq!(bound(10, 10), 1.0);
    }

    #[test]
    fn the_same_rate_on_more_trials_is_surer() {
        assert!(bound(3, 10) > bound(30, 100));
        assert!(bound(30, 100) > bound(300, 1000));
        assert!(bound(300, 1000) > 0.3);
    }

    #[test]
    fn impossible_counts_have_no_bound() {
        assert_eq!(rate_upper_bound(1, 0), None);
        assert_eq!(rate_upper_bound(-1, 5), None);
        assert_eq!(rate_upper_bound(6, 5), None);
    }
}
