//! When to poll a feed next: half the feed's typical interval between items (so a feed
//! publishing hourly is read every half hour), between a floor and a ceiling; a failing
//! feed waits twice as long after each failure in a row, up to the ceiling. Pure: time
//! comes from the caller.

use chrono::{DateTime, Duration, Utc};

/// The bounds of the schedule.
#[derive(Debug, Clone, Copy)]
pub struct Schedule {
    pub floor: Duration,
    pub ceiling: Duration,
}

impl Default for Schedule {
    fn default() -> Self {
        Schedule {
            floor: Duration::minutes(10),
            ceiling: Duration::hours(24),
        }
    }
}

impl Schedule {
    /// The wait after a successful poll whose items carry these dates (any order; items
    /// without a date are ignored): half the median gap between the newest items,
    /// clamped. With fewer than two dated items, the feed is read hourly (clamped).
    pub fn after_success(&self, dates: &[DateTime<Utc>]) -> Duration {
        let mut d: Vec<DateTime<Utc>> = dates.to_vec();
        d.sort_unstable_by(|a, b| b.cmp(a));
        d.truncate(20);
        let mut gaps: Vec<i64> = d
            .windows(2)
            .map(|w| (w[0] - w[1]).num_seconds())
            .filter(|g| *g > 0)
            .collect();
        let wait = if gaps.is_empty() {
            Duration::hours(1)
        } else {
            gaps.sort_unstable();
            Duration::seconds(gaps[gaps.len() / 2] / 2)
        };
        self.clamp(wait)
    }

    /// The wait after the `failures`-th failure in a row (1 for the first): the floor,
    /// doubled for each failure after the first, up to the ceiling.
    pub fn after_failure(&self, failures: u32) -> Duration {
        let factor = 1i64 << failures.saturating_sub(1).min(20);
        self.clamp(
            self.floor
                .checked_mul(factor as i32)
                .unwrap_or(self.ceiling),
        )
    }

    fn clamp(&self, d: Duration) -> Duration {
        d.max(self.floor).min(self.ceiling.max(self.floor))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(h: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_700_000_000 + h * 3600, 0).unwrap()
    }

    #[test]
    fn follows_the_publishing_rate() {
        let s = Schedule::default();
        // An item every 4 hours: read every 2 hours.
        let dates: Vec<_> = (0..10).map(|i| at(i * 4)).collect();
        assert_eq!(s.after_success(&dates), Duration::hours(2));
        // Every minute: the floor.
        let fast: Vec<_> = (0..10).map(|i| at(0) + Duration::minutes(i)).collect();
        assert_eq!(s.after_success(&fast), s.floor);
        // Weekly: the ceiling.
        let slow: Vec<_> = (0..5).map(|i| at(i * 24 * 7)).collect();
        assert_eq!(s.after_success(&slow), s.ceiling);
        assert_eq!(s.after_success(&[]), Duration::hours(1));
    }

    #[test]
    fn backs_off_failures() {
        let s = Schedule::default();
        assert_eq!(s.after_failure(1), Duration::minutes(10));
        assert_eq!(s.after_failure(2), Duration::minutes(20));
        assert_eq!(s.after_failure(4), Duration::minutes(80));
        assert_eq!(s.after_failure(100), s.ceiling);
        assert_eq!(s.after_failure(u32::MAX), s.ceiling);
    }
}
