//! Which way a parameter change moves risk, and whether a risk-adding move is larger than one step allows.
//! A move that removes risk is never limited: raising margin is always safe for the protocol.

/// A parameter moved further than its step limit in the risky direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StepTooLarge {
    pub field: &'static str,
    pub from: u64,
    pub to: u64,
    pub step: u64,
}

/// Collects, field by field, whether a proposed change adds risk anywhere.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Review {
    pub increases_risk: bool,
}

impl Review {
    /// A value whose decrease adds risk (a margin rate, a band, a multiplier); a decrease may move at most `step`.
    pub fn lower_is_riskier(&mut self, field: &'static str, from: u64, to: u64, step: Option<u64>) -> Result<(), StepTooLarge> {
        self.riskier_move(field, from, to, to < from, step)
    }

    /// A value whose increase adds risk (a cap, an oracle age, an offset); an increase may move at most `step`.
    pub fn higher_is_riskier(&mut self, field: &'static str, from: u64, to: u64, step: Option<u64>) -> Result<(), StepTooLarge> {
        self.riskier_move(field, from, to, to > from, step)
    }

    /// A value either of whose moves adds risk (an interest rate: lower fills the pool, higher pushes borrowers
    /// toward maintenance); a move either way may be at most `step`.
    pub fn any_move_is_riskier(&mut self, field: &'static str, from: u64, to: u64, step: Option<u64>) -> Result<(), StepTooLarge> {
        self.riskier_move(field, from, to, to != from, step)
    }

    /// A value with no safe direction (a tier index, an oracle): any change adds risk.
    pub fn any_change_is_riskier(&mut self, changed: bool) {
        self.increases_risk |= changed;
    }

    fn riskier_move(&mut self, field: &'static str, from: u64, to: u64, riskier: bool, step: Option<u64>) -> Result<(), StepTooLarge> {
        if !riskier {
            return Ok(());
        }
        self.increases_risk = true;
        match step {
            Some(step) if from.abs_diff(to) > step => Err(StepTooLarge { field, from, to, step }),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_moves_and_no_change_leave_risk_alone_whatever_their_size() {
        let mut review = Review::default();
        review.lower_is_riskier("rate", 100, 10_000, Some(1)).unwrap();
        review.higher_is_riskier("cap", 10_000, 0, Some(1)).unwrap();
        review.lower_is_riskier("rate", 7, 7, Some(0)).unwrap();
        review.any_change_is_riskier(false);
        assert!(!review.increases_risk);
    }

    #[test]
    fn a_risky_move_within_its_step_is_flagged_but_allowed() {
        let mut review = Review::default();
        review.lower_is_riskier("rate", 500, 450, Some(50)).unwrap();
        assert!(review.increases_risk);
        let mut review = Review::default();
        review.higher_is_riskier("cap", 1, u64::MAX, None).unwrap();
        assert!(review.increases_risk);
    }

    #[test]
    fn a_risky_move_past_its_step_is_refused_with_the_numbers() {
        let mut review = Review::default();
        assert_eq!(
            review.lower_is_riskier("band_down", 80, 29, Some(50)),
            Err(StepTooLarge { field: "band_down", from: 80, to: 29, step: 50 })
        );
        assert_eq!(
            review.higher_is_riskier("offset", 0, 51, Some(50)),
            Err(StepTooLarge { field: "offset", from: 0, to: 51, step: 50 })
        );
    }

    #[test]
    fn a_move_either_way_is_risky_and_step_limited() {
        let mut review = Review::default();
        review.any_move_is_riskier("rate", 100, 100, Some(0)).unwrap();
        assert!(!review.increases_risk);
        review.any_move_is_riskier("rate", 100, 150, Some(50)).unwrap();
        assert!(review.increases_risk);
        assert!(review.any_move_is_riskier("rate", 100, 49, Some(50)).is_err());
        assert!(review.any_move_is_riskier("rate", 100, 151, Some(50)).is_err());
    }

    #[test]
    fn any_change_of_a_directionless_value_adds_risk() {
        let mut review = Review::default();
        review.any_change_is_riskier(true);
        assert!(review.increases_risk);
    }
}
