//! Precision, recall and F1: the one formula every `cargo xtask eval` reports.

/// Scores from counts; each is 0 where its denominator is.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Scores {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

/// `tp` of `predicted` items were right, out of `gold` expected ones.
pub fn scores(tp: usize, predicted: usize, gold: usize) -> Scores {
    let ratio = |n: usize, d: usize| if d > 0 { n as f64 / d as f64 } else { 0.0 };
    let (precision, recall) = (ratio(tp, predicted), ratio(tp, gold));
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    Scores {
        precision,
        recall,
        f1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_from_counts() {
        let s = scores(3, 4, 6);
        assert_eq!((s.precision, s.recall), (0.75, 0.5));
        assert!((s.f1 - 0.6).abs() < 1e-12);
        assert_eq!(scores(0, 0, 0), Scores::default());
        assert_eq!(scores(0, 5, 0).f1, 0.0);
    }
}
